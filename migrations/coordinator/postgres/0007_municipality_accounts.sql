-- A municipality's read-only account; as SQLite's migration 15 (same representation in both engines: role
-- 'coordinator' with a municipality means the municipality role).
ALTER TABLE accounts ADD COLUMN municipality TEXT;
