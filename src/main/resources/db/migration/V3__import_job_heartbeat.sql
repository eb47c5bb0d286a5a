-- An import job belongs to the instance that received its file (the file is on that instance's
-- disk). While the instance lives it refreshes heartbeat_at; a job whose heartbeat stops (the
-- instance was killed) is marked FAILED by any other instance, or by the next start.
ALTER TABLE import_job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
UPDATE import_job SET heartbeat_at = COALESCE(finished_at, created_at);
CREATE INDEX import_job_unfinished ON import_job (status, heartbeat_at);
