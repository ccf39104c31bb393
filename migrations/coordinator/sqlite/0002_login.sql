-- Dashboard login: a password per account (Argon2id, PHC string), a temporary lockout after failed attempts,
-- sessions (random tokens stored as SHA-256, each with its own CSRF token), and the organisations a coordinator
-- account may see. Admin accounts see every organisation.
ALTER TABLE accounts ADD COLUMN password_phc TEXT;
ALTER TABLE accounts ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN locked_until INTEGER NOT NULL DEFAULT 0;

CREATE TABLE account_organisations (
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (account_id, organisation_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
    token_sha256 BLOB PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
