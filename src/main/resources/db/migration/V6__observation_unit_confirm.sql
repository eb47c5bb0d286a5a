-- The unit a value was entered in, when not its indicator's (obs_value is converted to the indicator's
-- unit; entered_value keeps the number as typed), and whether the writer confirmed a value the
-- plausibility rule refuses (observation.ObservationRules). Values entered before are in the
-- indicator's unit and unconfirmed.
ALTER TABLE observation ADD COLUMN entered_unit VARCHAR(40);
ALTER TABLE observation ADD COLUMN entered_value DOUBLE PRECISION;
ALTER TABLE observation ADD COLUMN confirmed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE observation_vintage ADD COLUMN entered_unit VARCHAR(40);
ALTER TABLE observation_vintage ADD COLUMN entered_value DOUBLE PRECISION;
ALTER TABLE observation_vintage ADD COLUMN confirmed BOOLEAN DEFAULT FALSE NOT NULL;
