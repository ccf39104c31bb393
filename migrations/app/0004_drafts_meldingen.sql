-- An unfinished form (draft), so nothing typed is lost to a lock or a restart: one at a time, inside the encrypted
-- database. At the end of the upgrade, a step in Rust corrects the meldingen Veilig Thuis of existing referrals: a
-- melding now counts once the referral was made, not while it is only proposed nor when declined before it was made.

CREATE TABLE draft (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    form       TEXT NOT NULL,            -- activity | referral
    body       TEXT NOT NULL,            -- JSON of the form as the volunteer left it
    updated_at TEXT NOT NULL             -- RFC 3339, UTC
) STRICT;
