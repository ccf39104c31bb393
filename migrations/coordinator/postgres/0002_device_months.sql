-- Per device and month, how many of its count keys are above zero, kept with every upload: "active volunteers" of
-- a period are then the devices with a row here, found through an index, instead of a search through every
-- device's counts (10,000 devices × 36 months is 14 million keys). As SQLite's migration 10.
CREATE TABLE device_months (
    device_id       TEXT NOT NULL REFERENCES devices (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    period          TEXT NOT NULL,
    nonzero_keys    BIGINT NOT NULL CHECK (nonzero_keys >= 0),
    PRIMARY KEY (device_id, period)
);
-- Covering: a period's active devices are counted from this index alone.
CREATE INDEX device_months_by_organisation ON device_months (organisation_id, period, device_id, nonzero_keys);
-- The few revoked devices, whose months are taken off that count.
CREATE INDEX devices_revoked ON devices (organisation_id) WHERE revoked_at IS NOT NULL;

INSERT INTO device_months (device_id, organisation_id, period, nonzero_keys)
SELECT c.device_id, d.organisation_id, c.period, count(*)
FROM device_counts c JOIN devices d ON d.id = c.device_id
WHERE c.value > 0
GROUP BY c.device_id, d.organisation_id, c.period;
