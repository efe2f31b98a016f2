-- A batch check of a project pool (项目库, issue 16): one jobs row per upload, one batch_rows row per site.
-- One active batch per user: the database refuses a second one, whatever the timing of the requests.
CREATE UNIQUE INDEX jobs_one_active_batch ON jobs (owner_id) WHERE kind = 'batch' AND status IN ('queued', 'running');

CREATE TABLE batch_rows (
  job_id      bigint NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  idx         integer NOT NULL,                    -- 0-based position in the uploaded file
  name        text,
  project     jsonb,                               -- the project attributes as mapped (type, flags, widthM)
  geometry    jsonb,                               -- EPSG:4326 GeoJSON geometry as read (NULL when unreadable)
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'error')),
  verdict     text CHECK (verdict IN ('prohibited', 'conditional', 'notice', 'clear', 'outside_coverage')),
  result      jsonb,                               -- the CheckResult exactly as POST /api/check returns it
  error       jsonb,                               -- { code, message: { zh, en } } for a row that could not be read or checked
  PRIMARY KEY (job_id, idx)
);
CREATE INDEX batch_rows_pending_idx ON batch_rows (job_id, idx) WHERE status = 'pending';

-- WKT → GeoJSON by PostGIS, row by row: a malformed WKT gives {error} for its row instead of failing the whole file.
-- No transform here: the declared CRS is applied by the importers' reprojection (same catalogue as file imports).
CREATE FUNCTION wkt_to_geojson_or_error(wkt text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN jsonb_build_object('geometry', ST_AsGeoJSON(ST_GeomFromText(wkt), 15)::jsonb);
EXCEPTION WHEN others THEN
  RETURN jsonb_build_object('error', SQLERRM);
END $$;
