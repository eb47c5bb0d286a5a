-- Series bases (catalogue.SeriesBasis): the definitions an indicator has been published on, as a JSON
-- array from seed-data; and the basis each value is on (observation.Figure#basis). Values entered
-- before these columns existed are on the basis in force for their period (null is read that way).
ALTER TABLE indicator ADD COLUMN bases VARCHAR(8000);
ALTER TABLE observation ADD COLUMN basis VARCHAR(40);
ALTER TABLE observation_vintage ADD COLUMN basis VARCHAR(40);
