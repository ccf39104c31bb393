-- Coordinator schema (PostgreSQL): the same tables, columns and rules as the SQLite schema after its migration 9
-- (migrations/coordinator/sqlite/), written at once. Only counts are held: per device the latest value and version
-- of each key, and per organisation the running totals over its devices. No record and no person is ever stored
-- here. Times are Unix seconds (BIGINT), as in SQLite, so both engines answer alike.

CREATE TABLE organisations (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    -- The name in lower case (Unicode-aware, written by the coordinator): names are unique in any case.
    name_folded          TEXT NOT NULL UNIQUE,
    created_at           BIGINT NOT NULL,
    -- Export cells below it are hidden; the range is checked in the domain and again here.
    disclosure_threshold BIGINT NOT NULL DEFAULT 5 CHECK (disclosure_threshold BETWEEN 3 AND 20)
);

-- Coordinator accounts. Tokens are random (256 bits) and stored as SHA-256; passwords as Argon2id PHC strings.
CREATE TABLE accounts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    name_folded      TEXT NOT NULL UNIQUE,
    role             TEXT NOT NULL CHECK (role IN ('admin', 'coordinator')),
    token_sha256     BYTEA NOT NULL UNIQUE,
    created_at       BIGINT NOT NULL,
    password_phc     TEXT,
    -- Failed logins from all addresses in the current window; at the ceiling the account locks for everyone but
    -- its known browsers.
    failed_logins    BIGINT NOT NULL DEFAULT 0,
    first_failure_at BIGINT NOT NULL DEFAULT 0,
    locked_until     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE account_organisations (
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (account_id, organisation_id)
);

CREATE TABLE sessions (
    token_sha256 BYTEA PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    csrf_token   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Failed logins per account and client address: five from one address lock the account for that address only.
CREATE TABLE login_failures (
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    client           TEXT NOT NULL,
    failures         BIGINT NOT NULL DEFAULT 0,
    first_failure_at BIGINT NOT NULL DEFAULT 0,
    locked_until     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, client)
);

-- Browsers that logged in to an account before (a long-lived HttpOnly cookie, stored as SHA-256).
CREATE TABLE known_browsers (
    token_sha256 BYTEA PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL
);
CREATE INDEX known_browsers_by_account ON known_browsers (account_id);

CREATE TABLE devices (
    id                 TEXT PRIMARY KEY,
    organisation_id    BIGINT NOT NULL REFERENCES organisations (id),
    public_key         BYTEA NOT NULL UNIQUE,
    label              TEXT NOT NULL,
    enrolled_at        BIGINT NOT NULL,
    revoked_at         BIGINT,
    last_upload_at     BIGINT,
    high_water_version BIGINT NOT NULL DEFAULT 0,
    -- Count keys held, kept with every upload, so the per-device ceiling is checked without counting rows.
    key_count          BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX devices_by_organisation ON devices (organisation_id);

-- One-time enrolment codes, stored hashed, with the device each enrolled (a repeat of the same request after a lost
-- reply gets that device again).
CREATE TABLE enrolment_codes (
    code_sha256     BYTEA PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    expires_at      BIGINT NOT NULL,
    used_at         BIGINT,
    created_at      BIGINT NOT NULL,
    device_id       TEXT REFERENCES devices (id)
);

-- Each device's latest value per count key.
CREATE TABLE device_counts (
    device_id  TEXT NOT NULL REFERENCES devices (id),
    period     TEXT NOT NULL,
    metric     TEXT NOT NULL,
    dimensions TEXT NOT NULL,
    value      BIGINT NOT NULL,
    version    BIGINT NOT NULL,
    PRIMARY KEY (device_id, period, metric, dimensions)
);

-- Sum over an organisation's devices of each device's latest value, kept in the same transaction as device_counts.
CREATE TABLE totals (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    metric          TEXT NOT NULL,
    period          TEXT NOT NULL,
    dimensions      TEXT NOT NULL,
    municipality    TEXT NOT NULL,
    value           BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, metric, period, dimensions)
);

-- Replies to batches, so a retried batch gets the same answer and an exact replay is recognised.
CREATE TABLE batches (
    device_id      TEXT NOT NULL REFERENCES devices (id),
    batch_id       TEXT NOT NULL,
    body_sha256    BYTEA NOT NULL,
    last_timestamp BIGINT NOT NULL,
    reply          TEXT NOT NULL,
    received_at    BIGINT NOT NULL,
    PRIMARY KEY (device_id, batch_id)
);
CREATE INDEX batches_by_age ON batches (received_at);
CREATE INDEX batches_by_device_age ON batches (device_id, received_at);

-- Yearly targets per organisation and indicator, as on a municipality's performance card ("prestatiekaart").
CREATE TABLE targets (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    indicator       TEXT NOT NULL,
    value           BIGINT NOT NULL CHECK (value >= 0),
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, year, indicator)
);

-- Rejected uploads and administrative actions. Details (JSON text) never hold payloads.
CREATE TABLE audit_log (
    id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at     BIGINT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor, action, id);
