# syntax=docker/dockerfile:1
# One image for the three processes, all compiled JavaScript (no TypeScript loader at run time):
#   API server (default)  node node_modules/@stayhub/server/dist/main.js
#   worker                node node_modules/@stayhub/worker/dist/main.js
#   migrations            node node_modules/@stayhub/db/dist/cli/migrate.js latest
# Checked by deploy/test/unit/dockerfile.test.ts (the Docker engine is not needed for that).

# --- build: install everything from the lockfile, compile, then keep only production dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /repo
ENV CI=true TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 npm_config_update_notifier=false
# The manifests first, so the install layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY scripts/pnpm.mjs scripts/
COPY packages/db/package.json packages/db/
COPY packages/api/package.json packages/api/
COPY packages/sdk/package.json packages/sdk/
COPY apps/server/package.json apps/server/
COPY apps/worker/package.json apps/worker/
COPY deploy/package.json deploy/
COPY examples/web/package.json examples/web/
RUN node scripts/pnpm.mjs install --frozen-lockfile
COPY . .
# --filter-prod: what the image runs and what it depends on (not the SDK, a dev dependency of the server).
RUN node scripts/pnpm.mjs --filter-prod "@stayhub/deploy..." run build
# The example frontend (examples/web) as static files, which the server serves at / (WEB_DIST): the SDK
# it is built on first, then `vite build`.
RUN node scripts/pnpm.mjs --filter @stayhub/sdk --filter web run build
# deploy/package.json lists what the image holds; --prod leaves every devDependency out. --legacy: pnpm 10's
# default deploy needs inject-workspace-packages, which would change how the workspace links its packages.
RUN node scripts/pnpm.mjs --filter=@stayhub/deploy --prod deploy --legacy /image

# --- runtime: Node, tini and the deployed tree; nothing else.
FROM node:24-bookworm-slim AS runtime
# tini runs as PID 1: it forwards SIGTERM to node (which drains, SPEC §2) and reaps zombies.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 NODE_OPTIONS=--enable-source-maps DATA_DIR=/tmp/stayhub
WORKDIR /app
# Owned by root and read-only to the process: the app never writes into its own code.
COPY --from=build /image /app
COPY --from=build /repo/examples/web/dist /app/web
ENV WEB_DIST=/app/web
USER node
EXPOSE 3000
ENTRYPOINT ["/usr/bin/tini", "--"]
# The server's readiness (Postgres and the cache reachable); the worker and the migrate job override or
# disable it (docker-compose.yml).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "node_modules/@stayhub/server/dist/main.js"]
