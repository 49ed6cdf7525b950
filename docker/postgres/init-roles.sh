#!/bin/sh
# The platform's two PostgreSQL roles, neither a superuser. The postgres image
# runs this once, when it initialises an empty data volume, as POSTGRES_USER
# (the administrator, which the platform itself never uses).
#   twins_owner  owns the database and its schema; runs the migrations
#                (MIGRATION_DATABASE_URL), which grant the application its rights
#   twins_app    the API, the worker and the seed (DATABASE_URL): reads and
#                writes rows, owns nothing, cannot switch triggers off
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" -v owner_password="$TWINS_OWNER_PASSWORD" -v app_password="$TWINS_APP_PASSWORD" <<'SQL'
CREATE ROLE twins_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE twins_app LOGIN PASSWORD :'app_password';
-- The database's owner also owns its public schema (pg_database_owner) and may add trusted extensions (pg_trgm).
ALTER DATABASE :"db" OWNER TO twins_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
