-- A stamp of the published layer set (issue 17): every app instance keeps what the map reads
-- (layer catalog, search index) in memory keyed by it, and serves those reads without a query.
-- Any change to `layers` or `layer_versions` (publish, restore, retire, a new layer, an operator's
-- UPDATE by hand) bumps it in the same transaction and announces the new value with NOTIFY, so a
-- cache can never be keyed by a stamp that its data does not match. Features are not watched:
-- the rows of a version never change once written, and a version becomes current only through an
-- UPDATE of `layers`.
CREATE TABLE layer_stamp (
  id    boolean PRIMARY KEY DEFAULT true CHECK (id),
  stamp bigint NOT NULL
);
INSERT INTO layer_stamp (stamp) VALUES (1);

CREATE FUNCTION bump_layer_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s bigint;
BEGIN
  UPDATE layer_stamp SET stamp = stamp + 1 RETURNING stamp INTO s;
  PERFORM pg_notify('redline_layer_stamp', s::text);
  RETURN NULL;
END $$;

CREATE TRIGGER layers_bump_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON layers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_stamp();
CREATE TRIGGER layer_versions_bump_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON layer_versions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_stamp();
