-- Failed logins are counted per account *and* client address: five wrong passwords from one address lock the account
-- for that address only, so nobody can keep a coordinator out by typing wrong passwords in their name. The account's
-- own counter (accounts.failed_logins / locked_until) stays as a ceiling for guesses spread over many addresses.
CREATE TABLE login_failures (
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    client       TEXT NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, client)
) STRICT, WITHOUT ROWID;
