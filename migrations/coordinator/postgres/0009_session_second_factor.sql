-- Whether a session was opened with the second factor; as SQLite's migration 17.
ALTER TABLE sessions ADD COLUMN second_factor BOOLEAN NOT NULL DEFAULT FALSE;
