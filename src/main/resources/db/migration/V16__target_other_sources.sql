-- One commitment, several sources: the other documents that state a target (document code and titles, section,
-- verbatim quote, note), as a JSON array beside the primary provenance (document_id, section, quote).
ALTER TABLE target ADD COLUMN also_stated_in VARCHAR(40000);
