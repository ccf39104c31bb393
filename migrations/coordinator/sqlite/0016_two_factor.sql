-- Two-factor sign-in for dashboard accounts (TOTP, RFC 6238): the account's secret (base32; set when set-up starts,
-- in use once a code confirmed it), the last time step a code was accepted for (so a code works once), and one-time
-- recovery codes, stored as SHA-256 (they are random, 50 bits each).
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    code_sha256 BLOB NOT NULL,
    used_at     INTEGER,
    PRIMARY KEY (account_id, code_sha256)
) STRICT;
