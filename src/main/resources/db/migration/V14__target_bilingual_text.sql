-- The catalogue's own text in both languages (seed-data): the baseline source and the note in Chinese beside the
-- English, the section heading in English beside the verbatim Chinese.
ALTER TABLE target ADD COLUMN baseline_source_zh VARCHAR(1000);
ALTER TABLE target ADD COLUMN section_en VARCHAR(500);
ALTER TABLE target ADD COLUMN note_zh VARCHAR(4000);
