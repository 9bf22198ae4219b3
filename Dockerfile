# LeadGraph production image. Two stages: the build stage has dev dependencies (TypeScript, Vite) and
# compiles the gateway and the reference inbox (web/); the final stage holds the compiled code, the
# built inbox (served at / only with SERVE_WEB=true) and production dependencies only.
# CI proves the same steps without a Docker engine: scripts/prod-smoke.sh.

FROM node:24-bookworm-slim AS build
# The embedded store (better-sqlite3) is a native addon: node-gyp builds it when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json ./web/
# Stand-ins package.json's overrides link in place of two unused transitive dependencies.
COPY vendor ./vendor
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web/index.html web/vite.config.ts web/tsconfig.json ./web/
COPY web/src ./web/src
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies as the build stage compiled them (native addons included).
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/vendor ./vendor
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/web/dist ./web/dist
# The embedded store's directory (LEADGRAPH_DATA_DIR); mount a volume here, or set DATABASE_URL.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The memory budget is V8 flags given at start (docs/decisions/memory-flags.md); same as `npm start`.
CMD ["node", "--max-semi-space-size=8", "--liftoff-only", "--heap-growing-percent=50", "dist/src/main.js"]
