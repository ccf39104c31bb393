-- Monthly counts (the only data that is ever synced) and the outbox of count keys changed since the coordinator
-- last accepted them. Counts of existing records are computed by a step in Rust at the end of the upgrade.
-- Schema 5 merges the two tables.
-- The outbox has no index on version on purpose: it is small (emptied by every sync), and each index would be one
-- more encrypted page to write on every save.

CREATE TABLE counts (
    period     TEXT NOT NULL,            -- YYYY-MM
    metric     TEXT NOT NULL,
    dimensions TEXT NOT NULL,            -- canonical name=value;... sorted by name
    value      INTEGER NOT NULL CHECK (value >= 0),
    PRIMARY KEY (period, metric, dimensions)
) STRICT, WITHOUT ROWID;

CREATE TABLE outbox (
    period        TEXT NOT NULL,
    metric        TEXT NOT NULL,
    dimensions    TEXT NOT NULL,
    version       INTEGER NOT NULL,      -- rises monotonically per device; see settings 'outbox_version'
    rejected_code TEXT,                  -- set when the coordinator refused this version
    PRIMARY KEY (period, metric, dimensions)
) STRICT, WITHOUT ROWID;
