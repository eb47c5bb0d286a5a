-- How a direction target's qualitative wording (大幅下降, 稳中有增) is read (catalogue.WordReading, from seed-data):
-- a JSON object {term, termEn, minimumChange, needsJudgement, justificationZh, justificationEn, citation}; null when
-- the target has no such wording.
ALTER TABLE target ADD COLUMN reading VARCHAR(4000);
