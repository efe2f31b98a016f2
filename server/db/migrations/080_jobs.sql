-- Background work whose state lives in the database (server/jobs): a batch check of a project pool,
-- later re-checks after a layer publish. A server restart finds queued and running jobs here and resumes them.
CREATE TABLE jobs (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL,                       -- the handler that runs it, e.g. 'batch'
  owner_id    bigint REFERENCES users(id),         -- who asked for it (NULL: the system)
  status      text NOT NULL DEFAULT 'queued'
              CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  params      jsonb NOT NULL DEFAULT '{}',         -- what the handler needs to (re)start
  total       integer NOT NULL DEFAULT 0,
  done        integer NOT NULL DEFAULT 0,          -- items finished, failed ones included
  failed      integer NOT NULL DEFAULT 0,
  error       jsonb,                               -- { code, message: { zh, en } } when the job itself failed
  created_at  timestamptz NOT NULL DEFAULT now(),
  started_at  timestamptz,
  finished_at timestamptz
);
CREATE INDEX jobs_owner_idx ON jobs (owner_id, kind, id DESC);
CREATE INDEX jobs_pending_idx ON jobs (id) WHERE status IN ('queued', 'running');
