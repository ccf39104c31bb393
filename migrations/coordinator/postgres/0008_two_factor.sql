-- Two-factor sign-in for dashboard accounts; as SQLite's migration 16.
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
    account_id  BIGINT NOT NULL REFERENCES accounts (id),
    code_sha256 BYTEA NOT NULL,
    used_at     BIGINT,
    PRIMARY KEY (account_id, code_sha256)
);
