-- The project register (一本账), its check history, review decisions and comments (issues 5, 7).
CREATE TABLE projects (
  id           bigserial PRIMARY KEY,
  name         text NOT NULL,
  description  text,
  applicant    text,                           -- applicant unit (申请单位)
  owner_id     bigint NOT NULL REFERENCES users(id),
  attributes   jsonb NOT NULL,                 -- { type, ...flags } as parseProject returns them, without widthM
  geom         geometry(Geometry, 4326) NOT NULL,
  width_m      double precision,               -- impact width of points and lines (project.widthM)
  status       text NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'revision_requested')),
  version      integer NOT NULL DEFAULT 1,     -- optimistic locking: every change increments it
  township     text,                           -- admin_boundary township containing ST_PointOnSurface(geom)
  last_check_id bigint,                        -- the check run of the latest submission
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  decided_at   timestamptz
);
CREATE INDEX projects_owner_idx ON projects (owner_id);
CREATE INDEX projects_status_idx ON projects (status);
CREATE INDEX projects_type_idx ON projects ((attributes->>'type'));
CREATE INDEX projects_geom_gix ON projects USING gist (geom);

-- Every submission's check, stored whole with the layer versions it used, so a decision can be
-- traced to exactly what the reviewer saw and re-run against the same data.
CREATE TABLE check_runs (
  id              bigserial PRIMARY KEY,
  project_id      bigint NOT NULL REFERENCES projects(id),
  project_version integer NOT NULL,            -- the project version that was checked
  verdict         text NOT NULL CHECK (verdict IN ('prohibited', 'conditional', 'notice', 'clear')),
  layer_versions  jsonb NOT NULL,
  result          jsonb NOT NULL,              -- the CheckResult as POST /api/check returns it
  created_by      bigint REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX check_runs_project_idx ON check_runs (project_id, id DESC);
ALTER TABLE projects ADD CONSTRAINT projects_last_check_fk FOREIGN KEY (last_check_id) REFERENCES check_runs(id);

CREATE TABLE decisions (
  id           bigserial PRIMARY KEY,
  project_id   bigint NOT NULL REFERENCES projects(id),
  check_id     bigint REFERENCES check_runs(id), -- the check the decision was based on
  reviewer_id  bigint NOT NULL REFERENCES users(id),
  decision     text NOT NULL CHECK (decision IN ('approve', 'reject', 'revise')),
  comment      text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_project_idx ON decisions (project_id, id DESC);

-- Threaded comments, each tied to the check run it refers to (a decision's comment is one of them).
CREATE TABLE comments (
  id          bigserial PRIMARY KEY,
  project_id  bigint NOT NULL REFERENCES projects(id),
  parent_id   bigint REFERENCES comments(id),
  check_id    bigint REFERENCES check_runs(id),
  decision_id bigint REFERENCES decisions(id),
  author_id   bigint NOT NULL REFERENCES users(id),
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_project_idx ON comments (project_id, id);
