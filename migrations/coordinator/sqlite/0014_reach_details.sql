-- Whether the organisation's volunteers count participants by age band and the community groups present at an
-- activity (never per person). Off unless an admin switches it on.
ALTER TABLE organisations ADD COLUMN reach_details INTEGER NOT NULL DEFAULT 0 CHECK (reach_details IN (0, 1));
