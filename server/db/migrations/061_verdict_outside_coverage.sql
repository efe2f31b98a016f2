-- A site wholly outside the area the data covers gets the verdict 'outside_coverage' (未覆盖, issue 13).
ALTER TABLE check_runs DROP CONSTRAINT IF EXISTS check_runs_verdict_check;
ALTER TABLE check_runs ADD CONSTRAINT check_runs_verdict_check
  CHECK (verdict IN ('prohibited', 'conditional', 'notice', 'clear', 'outside_coverage'));
