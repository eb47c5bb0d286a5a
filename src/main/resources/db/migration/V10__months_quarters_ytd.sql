-- Months and quarters (docs/ASSESSMENT.md, "Months, quarters and year to date"): what an indicator's value
-- measures over time (catalogue.Measure: STOCK, FLOW, RATE; from seed-data, null for a milestone's
-- indicator), and whether a monthly or quarterly value is a year-to-date sum (1–11月累计). Values entered
-- before are whole years, never year-to-date.
ALTER TABLE indicator ADD COLUMN measure VARCHAR(10);
ALTER TABLE observation ADD COLUMN ytd BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE observation_vintage ADD COLUMN ytd BOOLEAN DEFAULT FALSE NOT NULL;
