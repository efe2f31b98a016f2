-- Vector tiles (issue 17): each layer version's features, projected to Web Mercator once and
-- simplified per zoom band, built when the version is loaded, published or restored (like
-- feature_parts; nothing is overwritten in place). A tile then reads geometry already reduced to what
-- its zoom can show instead of projecting and simplifying millions of source vertices per request.
-- zoom: the band's zoom (server/layers/tile-geometry.ts); TILE_FULL_BAND holds the unsimplified copy.
CREATE TABLE feature_tile_geoms (
  feature_id  bigint NOT NULL REFERENCES features(id),
  layer_id    text NOT NULL,
  version     integer NOT NULL,
  zoom        smallint NOT NULL,
  feature_key text NOT NULL,
  name        text,
  level       text,
  geom        geometry(Geometry, 3857) NOT NULL
);
-- One GiST index per band (partial): a tile's lookup never wades through the other bands' rows.
CREATE INDEX feature_tile_geoms_z6_gix ON feature_tile_geoms USING gist (geom) WHERE zoom = 6;
CREATE INDEX feature_tile_geoms_z8_gix ON feature_tile_geoms USING gist (geom) WHERE zoom = 8;
CREATE INDEX feature_tile_geoms_z10_gix ON feature_tile_geoms USING gist (geom) WHERE zoom = 10;
CREATE INDEX feature_tile_geoms_full_gix ON feature_tile_geoms USING gist (geom) WHERE zoom = 99;
CREATE INDEX feature_tile_geoms_version_idx ON feature_tile_geoms (layer_id, version);

-- Set once a version's tile geometry is built; versions loaded before this migration have none and
-- their tiles are computed from the features (same result, slower) until rebuilt.
ALTER TABLE layer_versions ADD COLUMN tile_geoms_built boolean NOT NULL DEFAULT false;
