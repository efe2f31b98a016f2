-- The layer stamp (120) moves only when what the map reads changes. Statement triggers on every
-- write to `layers`/`layer_versions` moved it at every start (the reference-layer upsert rewrites
-- the same values; marking a version's tile geometry built touches layer_versions), emptying every
-- instance's catalog and search index for nothing, and a publish took the stamp's row lock at its
-- first INSERT into layer_versions and held it through the feature load. Now:
--  * layers: a row that really changes (or is added or removed);
--  * layer_versions: only what the catalog shows of a version (feature count, load time) or its
--    removal. A new version is invisible until `layers.current_version` points at it, which counts.
DROP TRIGGER layers_bump_stamp ON layers;
DROP TRIGGER layer_versions_bump_stamp ON layer_versions;

CREATE TRIGGER layers_bump_stamp_changed AFTER UPDATE ON layers
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION bump_layer_stamp();
CREATE TRIGGER layers_bump_stamp_added_removed AFTER INSERT OR DELETE OR TRUNCATE ON layers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_stamp();
CREATE TRIGGER layer_versions_bump_stamp_shown AFTER UPDATE OF feature_count, loaded_at ON layer_versions
  FOR EACH ROW WHEN (OLD.feature_count IS DISTINCT FROM NEW.feature_count OR OLD.loaded_at IS DISTINCT FROM NEW.loaded_at)
  EXECUTE FUNCTION bump_layer_stamp();
CREATE TRIGGER layer_versions_bump_stamp_removed AFTER DELETE OR TRUNCATE ON layer_versions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_stamp();
