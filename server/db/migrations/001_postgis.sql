-- PostGIS for every geometry the product stores and checks.
CREATE EXTENSION IF NOT EXISTS postgis;
