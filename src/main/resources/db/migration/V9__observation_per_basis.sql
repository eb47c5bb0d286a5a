-- The same period may hold one value per series basis (catalogue.SeriesBasis): a value's key is its
-- indicator, period and basis, so that a year published on the old and the new definition keeps both.
-- An indicator with one definition has no basis (null); two nulls are the same key (NULLS NOT DISTINCT,
-- H2 2.2 and PostgreSQL 15 alike), so it keeps one value per period as before.
ALTER TABLE observation DROP CONSTRAINT observation_indicator_period_uk;
ALTER TABLE observation ADD CONSTRAINT observation_indicator_period_basis_uk
    UNIQUE NULLS NOT DISTINCT (indicator_id, period, basis);
