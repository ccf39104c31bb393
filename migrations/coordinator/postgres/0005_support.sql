-- Support for volunteers: the support contact and requests for a talk; as SQLite's migration 13.
ALTER TABLE organisations ADD COLUMN support_contact TEXT; -- JSON {name, phone, email}; NULL when not set

CREATE TABLE debrief_requests (
    id              BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    request_id      TEXT NOT NULL,
    label           TEXT,
    received_at     BIGINT NOT NULL,
    handled_at      BIGINT,
    UNIQUE (organisation_id, request_id)
);
CREATE INDEX debrief_requests_open ON debrief_requests (organisation_id) WHERE handled_at IS NULL;
