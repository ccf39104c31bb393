-- The disclosure threshold per project (organisation): cells below it are hidden in exports. The range is checked
-- in the domain (sleutel_domain::disclosure::Threshold) and again here.
ALTER TABLE organisations
    ADD COLUMN disclosure_threshold INTEGER NOT NULL DEFAULT 5 CHECK (disclosure_threshold BETWEEN 3 AND 20);
