-- Closed periods: once a coordinator has reported a month or a quarter, its totals are kept as they were at closing
-- (closed_totals, a copy of the organisation's rows of `totals` for those months). Views and exports of a closed
-- month read the copy; changes devices send later stay in `totals` and show as corrections after closing. Reopening
-- removes both.
CREATE TABLE closed_periods (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    first_month     TEXT NOT NULL,
    last_month      TEXT NOT NULL,
    closed_at       INTEGER NOT NULL,
    closed_by       TEXT NOT NULL,
    PRIMARY KEY (organisation_id, first_month),
    CHECK (first_month <= last_month)
) STRICT, WITHOUT ROWID;

CREATE TABLE closed_totals (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    metric          TEXT NOT NULL,
    period          TEXT NOT NULL,
    dimensions      TEXT NOT NULL,
    municipality    TEXT NOT NULL,
    value           INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, metric, period, dimensions)
) STRICT, WITHOUT ROWID;
