-- The database's change stamp (issue #18): one row whose number every write of what the dashboard shows (values,
-- milestone states, judgements, the catalogue, a restore, the sample) increases in its own transaction, just before
-- it commits (system/ChangeStamp). An instance keeps its last dashboard answers by this number, so a write through
-- any instance sharing the database makes every instance compute the next answer afresh. Not part of a backup: a
-- restore increases it like any other write.
CREATE TABLE change_stamp (
    id    INT    PRIMARY KEY,
    stamp BIGINT NOT NULL
);
INSERT INTO change_stamp (id, stamp) VALUES (1, 0);
