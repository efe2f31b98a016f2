-- Tile geometry built before bands were made valid (server/layers/tile-geometry.ts,
-- validPolygonsSql): a simplified and snapped polygon could cross its own rings, GEOS's clip then
-- failed at the tile's edge and the embedded database answered those tiles 503 for good. Repaired
-- as a new build would make them; what has no area left is removed. The unsimplified copy (99) is
-- the source projected and needs nothing.
UPDATE feature_tile_geoms
   SET geom = ST_CollectionExtract(ST_MakeValid(geom, 'method=structure keepcollapsed=false'), 3)
 WHERE zoom <> 99 AND ST_Dimension(geom) = 2 AND NOT ST_IsValid(geom);
DELETE FROM feature_tile_geoms
 WHERE zoom <> 99 AND ST_Dimension(geom) = 2 AND (ST_IsEmpty(geom) OR ST_Area(geom) = 0);
