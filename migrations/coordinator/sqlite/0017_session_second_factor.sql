-- Whether a session was opened with the second factor (or switched it on): two-factor sign-in is a property of the
-- session, not only of the account, so a session opened with the password alone never becomes a full admin session
-- when the account switches two-factor on elsewhere.
ALTER TABLE sessions ADD COLUMN second_factor INTEGER NOT NULL DEFAULT 0 CHECK (second_factor IN (0, 1));
