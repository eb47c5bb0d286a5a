-- How each indicator is published, from the catalogue (seed-data): the first year a value exists, the
-- decimals its figures are published with, and the form they are published in. Entry refuses periods
-- before the series starts, rounds numbers to the published precision, and proposes the published form.
ALTER TABLE indicator ADD COLUMN series_start INTEGER;
ALTER TABLE indicator ADD COLUMN decimals INTEGER;
ALTER TABLE indicator ADD COLUMN published_form VARCHAR(20);

-- An import whose importer confirmed values in another form than the published one (confirmForms=true).
ALTER TABLE import_job ADD COLUMN confirm_forms BOOLEAN DEFAULT FALSE NOT NULL;

-- The sample dataset, while an admin has it loaded: one row. Writes of real values are refused meanwhile,
-- so sample values never mix with real ones, and every report made then says it shows sample data.
CREATE TABLE sample_dataset (
    id          INTEGER       PRIMARY KEY,
    loaded_by   VARCHAR(64)   NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
