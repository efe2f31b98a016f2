-- Project records a bureau needs (issue 19): the builder (建设单位), project code (项目代码), a
-- contact, the land use (用地性质) and the investment; archiving; and attachments (论证材料, 红线图
-- scans, 不可避让论证) on projects and comments, kept in the database with their SHA-256.
ALTER TABLE projects
  ADD COLUMN builder        text,              -- 建设单位 (applicant is 申请单位)
  ADD COLUMN project_code   text,              -- 项目代码 (e.g. the 投资项目在线审批监管平台 code)
  ADD COLUMN contact_name   text,              -- 联系人
  ADD COLUMN contact_phone  text,              -- 联系电话
  ADD COLUMN land_use       text,              -- 用地性质
  ADD COLUMN investment_wan numeric(16, 2) CHECK (investment_wan IS NULL OR investment_wan >= 0), -- 总投资（万元）
  -- Archived projects leave the default register and the dashboard; they are never deleted.
  ADD COLUMN archived_at    timestamptz;
CREATE INDEX projects_active_idx ON projects (updated_at DESC, id DESC) WHERE archived_at IS NULL;

CREATE TABLE attachments (
  id          bigserial PRIMARY KEY,
  project_id  bigint NOT NULL REFERENCES projects(id),
  comment_id  bigint REFERENCES comments(id),
  file_name   text NOT NULL,
  media_type  text NOT NULL,                   -- as detected from the content, not as declared
  size        integer NOT NULL CHECK (size > 0),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content     bytea NOT NULL,
  uploaded_by bigint NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_project_idx ON attachments (project_id, id);
