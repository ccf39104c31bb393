-- Counts and the outbox in one table. Until now every save wrote each changed count key twice, its value in
-- `counts` and its version in `outbox`: two B-trees, so about twice the pages, and SQLCipher encrypts and
-- authenticates every page written. Now a count row carries the version of its latest change and whether the
-- coordinator still has to receive it; "the outbox" is the rows with `pending = 1`.
-- Sync scans the table for pending rows (no index on purpose: an index is one more encrypted page per save, and a
-- scan of a few thousand rows at sync time costs about a millisecond).

CREATE TABLE counts_with_outbox (
    period        TEXT NOT NULL,            -- YYYY-MM
    metric        TEXT NOT NULL,
    dimensions    TEXT NOT NULL,            -- canonical name=value;... sorted by name
    value         INTEGER NOT NULL CHECK (value >= 0),
    version       INTEGER NOT NULL,         -- device-wide version of the latest change (0: sent before schema 5)
    pending       INTEGER NOT NULL CHECK (pending IN (0, 1)), -- 1 until the coordinator accepted `version`
    rejected_code TEXT,                     -- set when the coordinator refused `version`; cleared by a change
    PRIMARY KEY (period, metric, dimensions)
) STRICT, WITHOUT ROWID;

INSERT INTO counts_with_outbox (period, metric, dimensions, value, version, pending, rejected_code)
SELECT c.period, c.metric, c.dimensions, c.value, coalesce(o.version, 0), o.version IS NOT NULL, o.rejected_code
FROM counts c LEFT JOIN outbox o USING (period, metric, dimensions);

-- An outbox entry without a count row never existed in practice; if one did, it meant "zero".
INSERT INTO counts_with_outbox (period, metric, dimensions, value, version, pending, rejected_code)
SELECT o.period, o.metric, o.dimensions, 0, o.version, 1, o.rejected_code
FROM outbox o WHERE NOT EXISTS (
    SELECT 1 FROM counts c WHERE c.period = o.period AND c.metric = o.metric AND c.dimensions = o.dimensions
);

DROP TABLE outbox;
DROP TABLE counts;
ALTER TABLE counts_with_outbox RENAME TO counts;

-- New records are counted when counts or the outbox are next read, not when they are saved: records with an id
-- above the counted mark in `settings` (`counted_activities_up_to`, `counted_referrals_up_to`, set by the Rust step
-- at the end of this upgrade) are not counted yet. A save then writes about one page instead of ~25 count keys.

-- One page less per save: the activity list sorts by date without an index. Retention keeps at most a year or two
-- of activities (a few thousand rows, cached after the first read); `make bench` shows the list time.
DROP INDEX activities_by_date;
