-- A run of failed logins counts only within a window; older failures are forgotten.
ALTER TABLE login_failures ADD COLUMN first_failure_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN first_failure_at INTEGER NOT NULL DEFAULT 0;

-- Browsers that logged in to an account before (a long-lived HttpOnly cookie, stored as SHA-256). The account-wide
-- lock against guesses spread over many addresses does not keep these out, so that lock cannot be used to shut the
-- account's owner out.
CREATE TABLE known_browsers (
    token_sha256 BLOB PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL
) STRICT;
CREATE INDEX known_browsers_by_account ON known_browsers (account_id);
