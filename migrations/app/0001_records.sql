-- Detail records: activities, referrals, and the volunteer's settings. Encrypted at rest by SQLCipher.
-- Record bodies are JSON of the domain types (crates/domain); indexed columns repeat what queries filter on.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE activities (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    date       TEXT NOT NULL,            -- YYYY-MM-DD
    body       TEXT NOT NULL,            -- JSON of sleutel_domain::Activity
    created_at TEXT NOT NULL,            -- RFC 3339, UTC
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX activities_by_date ON activities (date);

CREATE TABLE referrals (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,    -- generated pseudonymous code, never a name
    date        TEXT NOT NULL,           -- YYYY-MM-DD
    status      TEXT NOT NULL,
    follow_up   TEXT,                    -- YYYY-MM-DD, only while open
    closed_on   TEXT,                    -- YYYY-MM-DD when the status is final
    activity_id INTEGER REFERENCES activities (id) ON DELETE SET NULL,
    body        TEXT NOT NULL,           -- JSON of sleutel_domain::Referral
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX referrals_by_date ON referrals (date);
CREATE INDEX referrals_by_follow_up ON referrals (follow_up) WHERE follow_up IS NOT NULL;
