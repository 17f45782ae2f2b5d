-- A counter bumped by every change to units or sites, so instances can cache the network tree and tell in one
-- primary-key lookup whether their copy is still current (works across instances, unlike an in-process flag).
CREATE TABLE network_state (id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1), version bigint NOT NULL DEFAULT 0);
--> statement-breakpoint
INSERT INTO network_state (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION network_state_bump() RETURNS trigger AS $$
BEGIN
  UPDATE network_state SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER units_bump_network_version AFTER INSERT OR UPDATE OR DELETE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION network_state_bump();
--> statement-breakpoint
CREATE TRIGGER sites_bump_network_version AFTER INSERT OR UPDATE OR DELETE ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION network_state_bump();
