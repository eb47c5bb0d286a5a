-- A milestone the indicator's values can decide (catalogue.MilestoneRule, from seed-data): PEAK for
-- 碳排放达到峰值; null for a milestone only the analyst's state decides.
ALTER TABLE target ADD COLUMN decided_by VARCHAR(20);
