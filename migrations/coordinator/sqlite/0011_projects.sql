-- Projects: what a funder pays for, over a period that need not be a calendar year (a first and a last month),
-- with the indicators it is judged on, as on Den Haag's performance card ("prestatiekaart"). An indicator is a
-- metric of the count table, optionally narrowed by dimension values (an activity type, a gender, a municipality),
-- with an optional target for the whole period. The indicators are kept as JSON text that the coordinator's use
-- cases (crates/coordinator/src/use_cases/projects.rs) write and read; the engine only keeps it.
CREATE TABLE projects (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    name_folded     TEXT NOT NULL,
    funder          TEXT NOT NULL,
    first_month     TEXT NOT NULL,
    last_month      TEXT NOT NULL,
    indicators      TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (first_month <= last_month)
) STRICT;
CREATE UNIQUE INDEX projects_name ON projects (organisation_id, name_folded);

-- The yearly targets kept so far become one project per organisation and year with the six standard indicators.
INSERT INTO projects (organisation_id, name, name_folded, funder, first_month, last_month, indicators, created_at,
                      updated_at)
SELECT organisation_id, 'Jaardoelen ' || year, 'jaardoelen ' || year, '', year || '-01', year || '-12',
       json_array(
           json_object('name', 'Bereik (deelnemers)', 'metric', 'participants', 'filters', json_object(),
                       'target', max(CASE WHEN indicator = 'reach' THEN value END)),
           json_object('name', 'Groepsbijeenkomsten', 'metric', 'activities', 'filters', json_object('activity', 'group_meeting'),
                       'target', max(CASE WHEN indicator = 'meetings' THEN value END)),
           json_object('name', 'Huisbezoeken', 'metric', 'activities', 'filters', json_object('activity', 'home_visit'),
                       'target', max(CASE WHEN indicator = 'home_visits' THEN value END)),
           json_object('name', 'Doorverwijzingen', 'metric', 'referrals', 'filters', json_object(),
                       'target', max(CASE WHEN indicator = 'referrals' THEN value END)),
           json_object('name', 'Meldingen bij Veilig Thuis', 'metric', 'meldingen_veilig_thuis', 'filters', json_object(),
                       'target', max(CASE WHEN indicator = 'meldingen_veilig_thuis' THEN value END)),
           json_object('name', 'Actieve vrijwilligers', 'metric', 'active_volunteers', 'filters', json_object(),
                       'target', max(CASE WHEN indicator = 'active_volunteers' THEN value END))
       ),
       min(updated_at), max(updated_at)
FROM targets
GROUP BY organisation_id, year;

DROP TABLE targets;
