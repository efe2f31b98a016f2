-- Every save of a project's site stores a check (issue 18): a draft shows the verdict the planner saw.
-- check_runs.reason tells a save's check from a submission's; projects.site_version is the project
-- version at which the site or its attributes last changed, so a last check of an older version is
-- stale (选址已修改，待重新核查).
ALTER TABLE check_runs ADD COLUMN reason text NOT NULL DEFAULT 'submission' CHECK (reason IN ('save', 'submission'));
ALTER TABLE projects ADD COLUMN site_version integer NOT NULL DEFAULT 1;
-- Existing projects: the last edit of the site or attributes the audit log recorded.
UPDATE projects p SET site_version = a.v
  FROM (SELECT project_id, max((detail->>'toVersion')::int) AS v
          FROM audit_log
         WHERE action = 'project.updated' AND (detail->'fields' ? 'geometry' OR detail->'fields' ? 'project')
         GROUP BY project_id) a
 WHERE a.project_id = p.id;
