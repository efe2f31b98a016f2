-- The layer catalog. A layer is versioned: a load adds a version, nothing is overwritten in place,
-- so a stored check can always be re-run against the exact features it used.
CREATE TABLE layers (
  id             text PRIMARY KEY,             -- e.g. 'water_source'
  kind           text NOT NULL,                -- rule-engine kind (rules.md §0)
  name_zh        text NOT NULL,
  name_en        text NOT NULL,
  group_id       text NOT NULL,                -- layer-tree group
  geometry_type  text NOT NULL,                -- 'Polygon' | 'LineString' | 'Point' (multi allowed)
  levels         text[] NOT NULL DEFAULT '{}',
  checked        boolean NOT NULL,             -- used by the conflict check
  illustrative   boolean NOT NULL,             -- 示意数据（非法定成果）
  legend_order   integer NOT NULL,
  style          jsonb NOT NULL DEFAULT '{}',
  source         jsonb NOT NULL DEFAULT '{}',  -- provenance: { zh, en, url?, package?, version? }
  current_version integer                      -- NULL until the first load
);

CREATE TABLE layer_versions (
  layer_id      text NOT NULL REFERENCES layers(id),
  version       integer NOT NULL,
  loaded_at     timestamptz NOT NULL DEFAULT now(),
  feature_count integer NOT NULL,
  checksum      text NOT NULL,                 -- sha256 of the loaded GeoJSON, to make reloads idempotent
  source        jsonb NOT NULL DEFAULT '{}',
  note          text,
  PRIMARY KEY (layer_id, version)
);

CREATE TABLE features (
  id          bigserial PRIMARY KEY,
  layer_id    text NOT NULL,
  version     integer NOT NULL,
  feature_key text NOT NULL,                   -- stable id within the layer (from the source data)
  name        text,
  level       text,
  properties  jsonb NOT NULL DEFAULT '{}',
  geom        geometry(Geometry, 4326) NOT NULL,
  area_m2     double precision,                -- ellipsoidal, precomputed at load
  FOREIGN KEY (layer_id, version) REFERENCES layer_versions(layer_id, version),
  UNIQUE (layer_id, version, feature_key)
);
CREATE INDEX features_geom_gix ON features USING gist (geom);
CREATE INDEX features_layer_version_idx ON features (layer_id, version);
CREATE INDEX features_name_idx ON features (name);

-- ST_Subdivide'd copy of every feature: small pieces make index lookups and intersections fast
-- for large polygons (a province-scale red line has polygons with tens of thousands of vertices).
CREATE TABLE feature_parts (
  id         bigserial PRIMARY KEY,
  feature_id bigint NOT NULL REFERENCES features(id),
  layer_id   text NOT NULL,
  version    integer NOT NULL,
  geom       geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX feature_parts_geom_gix ON feature_parts USING gist (geom);
CREATE INDEX feature_parts_layer_version_idx ON feature_parts (layer_id, version);
CREATE INDEX feature_parts_feature_idx ON feature_parts (feature_id);
