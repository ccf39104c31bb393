-- Counting by age band and community group, per organisation; as SQLite's migration 14.
ALTER TABLE organisations ADD COLUMN reach_details BOOLEAN NOT NULL DEFAULT FALSE;
