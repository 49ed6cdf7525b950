# syntax=docker/dockerfile:1
# One image for the API and the worker (docker-compose.yml picks the command).

# ---- build: every dependency, TypeScript compiled to dist/ ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Manifests first: the dependency layer is reused until they change.
COPY package.json package-lock.json ./
# Not `npm ci`: it rejects this lockfile ("Missing: @rspack/binding-darwin-arm64
# from lock file"; the registry lacks some non-Linux optional binaries, so they
# never entered it). `npm install` with the lockfile installs the locked
# versions. --ignore-scripts matches how the stack was tested (npm 11 skips
# dependency install scripts; this image's npm 10 would run them and might try
# to compile native code without a compiler): argon2 and msgpackr load
# prebuilt binaries at run time.
RUN npm install --no-audit --no-fund --ignore-scripts

COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund --ignore-scripts

# ---- runtime: production dependencies and dist/ only ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The founding report's data; the demo seed looks for data/cities.json above
# its own folder.
COPY --from=build /app/data ./data
# The code stays owned by root, so the app cannot change it. The node user
# owns /app itself: outside production the API writes /app/schema.gql.
RUN chown node:node /app

USER node
EXPOSE 3000
# The API by default; the worker runs `node dist/apps/worker/src/main.js`.
# Migrations, as the schema's owner (MIGRATION_DATABASE_URL; DATABASE_URL names
# the application's role, which they grant its rights): `node dist/scripts/migrate.js`;
# reference (and, outside production, demo) data: `node dist/scripts/seed.js`.
CMD ["node", "dist/apps/api/src/main.js"]
