-- A batch row stores whatever verdict the check gives, 'outside_coverage' (未覆盖, 061) included:
-- without it a site outside the data's coverage failed the whole batch at its save.
ALTER TABLE batch_rows DROP CONSTRAINT IF EXISTS batch_rows_verdict_check;
ALTER TABLE batch_rows ADD CONSTRAINT batch_rows_verdict_check
  CHECK (verdict IN ('prohibited', 'conditional', 'notice', 'clear', 'outside_coverage'));
