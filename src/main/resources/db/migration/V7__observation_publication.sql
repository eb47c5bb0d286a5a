-- Which release of an office's figure a value is (catalogue.Publication): PRELIMINARY (初步核算),
-- FINAL (最终核实) or ESTIMATED (估计). Null is "not stated", which is what every value entered before
-- this column existed is.
ALTER TABLE observation ADD COLUMN publication VARCHAR(20);
ALTER TABLE observation_vintage ADD COLUMN publication VARCHAR(20);
