-- Support for volunteers: the organisation's support contact (whom a volunteer can call), and volunteers' requests
-- for a talk. A request carries no record and no date of any visit; its label is there only when the volunteer
-- agreed, and it is forgotten once the request is handled.
ALTER TABLE organisations ADD COLUMN support_contact TEXT; -- JSON {name, phone, email}; NULL when not set

CREATE TABLE debrief_requests (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    request_id      TEXT NOT NULL,     -- the device's id for the request, so a retry is not a second request
    label           TEXT,              -- the device's label, only when the volunteer agreed
    received_at     INTEGER NOT NULL,
    handled_at      INTEGER,
    UNIQUE (organisation_id, request_id)
) STRICT;
CREATE INDEX debrief_requests_open ON debrief_requests (organisation_id) WHERE handled_at IS NULL;
