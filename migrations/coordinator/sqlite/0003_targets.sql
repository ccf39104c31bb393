-- Yearly targets per organisation and indicator, as on a municipality's performance card ("prestatiekaart").
CREATE TABLE targets (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    indicator       TEXT NOT NULL,
    value           INTEGER NOT NULL CHECK (value >= 0),
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, year, indicator)
) STRICT, WITHOUT ROWID;
