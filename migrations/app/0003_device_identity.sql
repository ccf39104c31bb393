-- The device's enrolment with a coordinator and the state of sync. The Ed25519 signing key lives here, inside the
-- encrypted database, never in a file of its own.

CREATE TABLE device_identity (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    coordinator_url   TEXT NOT NULL,
    device_id         TEXT NOT NULL,
    organisation_id   INTEGER NOT NULL,
    organisation_name TEXT NOT NULL,
    signing_key       BLOB NOT NULL,         -- Ed25519 key pair, PKCS#8
    enrolled_at       TEXT NOT NULL
) STRICT;

CREATE TABLE sync_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_success_at TEXT,
    last_attempt_at TEXT,
    last_error_code TEXT,
    last_timestamp  INTEGER NOT NULL DEFAULT 0  -- the last signed timestamp, so retries never reuse one
) STRICT;
INSERT INTO sync_state (id) VALUES (1);
