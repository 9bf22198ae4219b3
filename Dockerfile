# LeadGraph production image. Two stages: the build stage has dev dependencies (TypeScript) and
# compiles; the final stage holds the compiled code and production dependencies only.
# CI proves the same steps without a Docker engine: scripts/prod-smoke.sh.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The memory budget is V8 flags given at start (docs/decisions/memory-flags.md); same as `npm start`.
CMD ["node", "--max-semi-space-size=8", "--liftoff-only", "--heap-growing-percent=50", "dist/src/main.js"]
