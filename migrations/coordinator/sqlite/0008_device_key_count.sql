-- How many count keys each device holds, kept with every upload, so the per-device ceiling
-- (sleutel_protocol::limits::MAX_KEYS_PER_DEVICE) is checked without counting rows.
ALTER TABLE devices ADD COLUMN key_count INTEGER NOT NULL DEFAULT 0;
UPDATE devices SET key_count = (SELECT count(*) FROM device_counts WHERE device_counts.device_id = devices.id);
