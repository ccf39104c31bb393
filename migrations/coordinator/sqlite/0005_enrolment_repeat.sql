-- The device an enrolment code enrolled, so that a repeat of the same request (same code, same key: the reply was
-- lost on the way) gets the same device instead of "code already used".
ALTER TABLE enrolment_codes ADD COLUMN device_id TEXT REFERENCES devices (id);
