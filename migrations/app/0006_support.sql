-- Support for the volunteer: whom to call (the organisation's support contact as the coordinator last sent it), and
-- requests for a talk. A request names no record; once the coordinator has it, it is marked sent and kept with its
-- activity (deleted with it), so editing the activity later never asks a second time.
CREATE TABLE support_contact (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    body        TEXT NOT NULL,            -- JSON {name, phone, email}
    received_at TEXT NOT NULL
) STRICT;

CREATE TABLE debrief_outbox (
    activity_id INTEGER PRIMARY KEY,      -- the activity after which a talk was asked: one request per activity
    request_id  TEXT NOT NULL UNIQUE,     -- random; a retry sends the same id, so it is never two requests
    show_label  INTEGER NOT NULL CHECK (show_label IN (0, 1)),
    created_at  TEXT NOT NULL,
    sent_at     TEXT                      -- once the coordinator has it: an edit of the activity never asks again
) STRICT;
