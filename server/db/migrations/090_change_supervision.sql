-- Change supervision (issue 14): versions compared and ledgered, projects re-checked when a layer changes.

-- A check run stored by the background re-check after a layer publish.
ALTER TABLE check_runs DROP CONSTRAINT IF EXISTS check_runs_reason_check;
ALTER TABLE check_runs ADD CONSTRAINT check_runs_reason_check CHECK (reason IN ('save', 'submission', 'layer_update'));

-- A version that makes an earlier one current again records which (its features are a copy of it).
ALTER TABLE layer_versions ADD COLUMN restored_from integer;

-- The projects one re-check job (jobs.kind = 'layer_recheck', params {layerId, version}) has to check,
-- nearest first (priority 0: the site meets a changed feature). The pending rows are the state a
-- restarted server resumes from.
CREATE TABLE recheck_items (
  job_id     bigint NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  project_id bigint NOT NULL REFERENCES projects(id),
  priority   integer NOT NULL,
  status     text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'skipped', 'error')),
  check_id   bigint REFERENCES check_runs(id),  -- the layer_update check run stored
  verdict_before text,                         -- the project's verdict before it
  error      jsonb,
  PRIMARY KEY (job_id, project_id)
);
CREATE INDEX recheck_items_pending_idx ON recheck_items (job_id, priority, project_id) WHERE status = 'pending';
