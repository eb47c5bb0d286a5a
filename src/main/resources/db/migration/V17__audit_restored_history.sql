-- The audit trail is append-only across a restore (backup.BackupReader): a restore deletes and changes no entry of
-- the trail; it appends the backup's entries as restored history, each with the SHA-256 of the backup file it came
-- from and its id in that backup. Entries recorded on this instance have neither (restored_from NULL: live).
ALTER TABLE audit_event ADD COLUMN restored_from VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN original_id BIGINT;
CREATE INDEX audit_event_restored_idx ON audit_event (restored_from, original_id);
