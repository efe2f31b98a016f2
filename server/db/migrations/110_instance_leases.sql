-- Several app instances over one PostgreSQL (docs/deployment.md): nothing may live in one process.
--
-- 1. Background jobs are held by a lease: the instance running a job renews lease_until while it
--    works (heartbeat); a job whose lease ran out (its instance died) is claimed again by any
--    instance with FOR UPDATE SKIP LOCKED. Before, every start put all 'running' jobs back in the
--    queue, which with two instances would run one batch twice.
ALTER TABLE jobs ADD COLUMN lease_owner text;
ALTER TABLE jobs ADD COLUMN lease_until timestamptz;

-- 2. Request rate limits (express-rate-limit) counted here instead of in each process's memory, so
--    that N instances behind a proxy do not grant N times the budget. One row per limiter and client
--    key per fixed window; rows past their window are deleted lazily.
CREATE TABLE rate_limit_hits (
  key      text PRIMARY KEY,           -- '<limiter>:<client key>'
  hits     integer NOT NULL,
  reset_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_reset_idx ON rate_limit_hits (reset_at);
