-- Coordinator schema (SQLite). Only counts are held: per device the latest value and version of each key, and per
-- organisation the running totals over its devices. No record and no person is ever stored here.

CREATE TABLE organisations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
) STRICT;

-- Coordinator accounts. Tokens are random (256 bits) and stored as SHA-256; passwords come with the dashboard.
CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    role         TEXT NOT NULL CHECK (role IN ('admin', 'coordinator')),
    token_sha256 BLOB NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL
) STRICT;

-- One-time enrolment codes, stored hashed.
CREATE TABLE enrolment_codes (
    code_sha256     BLOB PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    expires_at      INTEGER NOT NULL,
    used_at         INTEGER,
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE devices (
    id                 TEXT PRIMARY KEY,
    organisation_id    INTEGER NOT NULL REFERENCES organisations (id),
    public_key         BLOB NOT NULL UNIQUE,
    label              TEXT NOT NULL,
    enrolled_at        INTEGER NOT NULL,
    revoked_at         INTEGER,
    last_upload_at     INTEGER,
    high_water_version INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Each device's latest value per count key.
CREATE TABLE device_counts (
    device_id  TEXT NOT NULL REFERENCES devices (id),
    period     TEXT NOT NULL,
    metric     TEXT NOT NULL,
    dimensions TEXT NOT NULL,
    value      INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    PRIMARY KEY (device_id, period, metric, dimensions)
) STRICT, WITHOUT ROWID;

-- Sum over an organisation's devices of each device's latest value, kept in the same transaction as device_counts.
CREATE TABLE totals (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    metric          TEXT NOT NULL,
    period          TEXT NOT NULL,
    dimensions      TEXT NOT NULL,
    municipality    TEXT NOT NULL,
    value           INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, metric, period, dimensions)
) STRICT, WITHOUT ROWID;

-- Replies to batches, so a retried batch gets the same answer and an exact replay is recognised.
CREATE TABLE batches (
    device_id      TEXT NOT NULL REFERENCES devices (id),
    batch_id       TEXT NOT NULL,
    body_sha256    BLOB NOT NULL,
    last_timestamp INTEGER NOT NULL,
    reply          TEXT NOT NULL,
    received_at    INTEGER NOT NULL,
    PRIMARY KEY (device_id, batch_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX batches_by_age ON batches (received_at);

-- Rejected uploads and administrative actions. Details never hold payloads.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     INTEGER NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
) STRICT;
