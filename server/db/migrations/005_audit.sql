-- The audit trail: who did what, when and from where. Append-only: rows are written in the same
-- transaction as the change they record and can never be changed or removed afterwards.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id    bigint REFERENCES users(id),
  actor_name  text,                            -- kept as written, even if the account changes later
  action      text NOT NULL,                   -- e.g. 'project.submitted', 'auth.login', 'layer.loaded'
  project_id  bigint REFERENCES projects(id),
  detail      jsonb NOT NULL DEFAULT '{}',
  ip          text
);
CREATE INDEX audit_log_project_idx ON audit_log (project_id, id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);

-- REVOKE does not bind the table owner (the application's own role), so a trigger enforces it.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
