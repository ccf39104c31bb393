-- Closed periods and the totals kept as they were at closing; as SQLite's migration 12.
CREATE TABLE closed_periods (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    first_month     TEXT NOT NULL,
    last_month      TEXT NOT NULL,
    closed_at       BIGINT NOT NULL,
    closed_by       TEXT NOT NULL,
    PRIMARY KEY (organisation_id, first_month),
    CHECK (first_month COLLATE "C" <= last_month COLLATE "C")
);

CREATE TABLE closed_totals (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    metric          TEXT NOT NULL,
    period          TEXT NOT NULL,
    dimensions      TEXT NOT NULL,
    municipality    TEXT NOT NULL,
    value           BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, metric, period, dimensions)
);
