-- Official data loaded by an administrator (issue 13): the uploads, and what each published version
-- records about where it came from. A version stays immutable; these columns are written once.
ALTER TABLE layer_versions
  ADD COLUMN published_by_id   bigint REFERENCES users(id),
  ADD COLUMN published_by      text,            -- username as it was at publishing
  ADD COLUMN source_file       text,            -- the uploaded file's name
  ADD COLUMN source_sha256     text,            -- sha256 (hex) of the uploaded bytes
  ADD COLUMN source_layer      text,            -- the layer inside the file
  ADD COLUMN mapping           jsonb,           -- field mapping and level value table as applied
  ADD COLUMN approval_document text,            -- 批准文号
  ADD COLUMN repaired          jsonb;           -- features changed by ST_MakeValid, when repair was asked

-- A layer replaced by official data can be retired: no longer on the map nor in the check (kept,
-- with all its versions, for the checks that recorded it).
ALTER TABLE layers ADD COLUMN retired boolean NOT NULL DEFAULT false;

-- Uploaded files are kept in DATA_DIR/uploads/<id>; this is their register.
CREATE TABLE admin_uploads (
  id           text PRIMARY KEY,              -- random, URL-safe
  file_name    text NOT NULL,
  stored_name  text NOT NULL,                 -- file name under DATA_DIR/uploads
  sha256       text NOT NULL,
  size_bytes   bigint NOT NULL,
  format       text NOT NULL,
  uploaded_by  bigint REFERENCES users(id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);

-- Settings an administrator changes at run time (e.g. the check's coverage area).
CREATE TABLE app_settings (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
