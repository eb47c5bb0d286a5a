-- How exactly a figure states its value (catalogue.Qualifier): EXACT, AT_LEAST (超过/突破/以上),
-- AT_MOST (不到/以下) or ABOUT (约). Values entered before this column existed are exact.
ALTER TABLE observation ADD COLUMN qualifier VARCHAR(20) DEFAULT 'EXACT' NOT NULL;
ALTER TABLE observation_vintage ADD COLUMN qualifier VARCHAR(20) DEFAULT 'EXACT' NOT NULL;
