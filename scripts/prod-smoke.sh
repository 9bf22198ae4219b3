#!/usr/bin/env bash
# Production smoke, the Docker image's steps without a Docker engine: build, copy the build to a
# clean folder, install production dependencies only (a runtime package left in devDependencies
# fails here), start the compiled server with NODE_ENV=production pointed at standalone simulators
# as if they were the real providers, query /healthz, /readyz and GraphQL, then SIGTERM it with a
# request in flight and check that request completes and the process exits 0. The built inbox
# (web/dist) rides along, served at `/` with SERVE_WEB=true: no Vite nor React at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
fail() { echo "prod-smoke: FAILED: $*" >&2; [ -n "${work:-}" ] && tail -n 20 "$work/server.log" >&2 || true; exit 1; }

npm run build --silent
npm run build:web --silent
work="$(mktemp -d)"
trap 'kill ${server_pid:-} ${sims_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r package.json package-lock.json vendor dist "$work/"
# Install scripts run: the embedded store (better-sqlite3) is a native addon built or fetched here.
(cd "$work" && npm ci --omit=dev --no-audit --no-fund --loglevel=error) || fail "npm ci --omit=dev"
mkdir -p "$work/web" && cp -r web/dist "$work/web/dist"

ks_port=$(free_port); ts_port=$(free_port); port=$(free_port)
cd "$work"
# Started directly (no subshell) so $! is node itself and the SIGTERM below reaches it.
SIMULATOR_PORT_KEYSPOT=$ks_port SIMULATOR_PORT_TESSELYS=$ts_port NODE_ENV=production node dist/src/simulators/main.js --control >"$work/sims.log" 2>&1 &
sims_pid=$!

api_key="smoke-$(node -e "console.log(require('crypto').randomBytes(12).toString('hex'))")"
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$ts_port/__control/counters" && break; sleep 0.2; done

# The node flags `npm start` uses (the memory budget), so the smoke runs what production runs.
start_flags="$(node -p "require('./package.json').scripts.start.split(' ').filter((w) => w.startsWith('--')).join(' ')")"
NODE_ENV=production PORT=$port HOST=127.0.0.1 LOG_LEVEL=info SERVE_WEB=true \
  LEADGRAPH_DATA_DIR="$work/data" LEADGRAPH_DATA_KEY="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")" \
  API_KEYS="[{\"name\":\"smoke\",\"key\":\"$api_key\",\"scopes\":[\"leads:read\",\"leads:write\"]}]" \
  KEYSPOT_BASE_URL="http://127.0.0.1:$ks_port" KEYSPOT_CLIENT_ID=ks_demo_client KEYSPOT_CLIENT_SECRET=ks_demo_secret \
  TESSELYS_BASE_URL="http://127.0.0.1:$ts_port" TESSELYS_ACCESS_TOKEN=tsl_demo_access_token TESSELYS_COMPANY_TOKEN=tsl_demo_company_token \
  node $start_flags dist/src/main.js >"$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 75); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$port/healthz" | grep -q '"ok"' || fail "/healthz"
curl -fs "http://127.0.0.1:$port/readyz" | grep -q '"ready"' || fail "/readyz"
curl -fs "http://127.0.0.1:$port/" | grep -q '<div id="root">' || fail "the inbox at / (SERVE_WEB=true)"

gql() {
  curl -s -H 'content-type: application/json' -H "authorization: Bearer $api_key" "http://127.0.0.1:$port/graphql" -d "$1"
}
answer=$(gql '{"query":"{ leads(first: 2) { totalCount nodes { id provider } } providers { provider configured demo } }"}')
echo "$answer" | grep -q '"totalCount":64' || fail "GraphQL leads: $answer"
echo "$answer" | grep -q '"demo":false' || fail "GraphQL providers: $answer"
created=$(gql '{"query":"mutation { createLead(input: {provider: KEYSPOT, description: \"Smoke\", contact: {name: \"Smoke Test\", email: \"smoke@example.com\", phone: \"11999999999\"}}) { lead { id status } } }"}')
echo "$created" | grep -q '"status":"NEW_LEAD"' || fail "GraphQL createLead: $created"
introspection=$(gql '{"query":"{ __schema { queryType { name } } }"}')
echo "$introspection" | grep -q '"errors"' || fail "introspection should be off in production: $introspection"

# SIGTERM with a request in flight: the provider answers slowly, the request must still complete.
# (65: the merged inbox now holds the Keyspot lead created above, read from the gateway's record.)
curl -fs -X POST -H 'content-type: application/json' "http://127.0.0.1:$ts_port/__control/latency" -d '{"ms":800}' >/dev/null
gql '{"query":"{ leads(first: 1) { totalCount } }"}' >"$work/inflight.json" &
inflight_pid=$!
sleep 0.3
kill -TERM "$server_pid"
wait "$inflight_pid" || fail "in-flight request (curl exit $?)"
grep -q '"totalCount":65' "$work/inflight.json" || fail "in-flight answer: $(cat "$work/inflight.json")"
set +e; wait "$server_pid"; code=$?; set -e
server_pid=
[ "$code" -eq 0 ] || fail "server exit code $code after SIGTERM"
grep -q 'shutting down' "$work/server.log" || fail "no shutdown log line"
if grep -qE "$api_key|ks_demo_secret|tsl_demo_access_token|smoke@example.com|11999999999" "$work/server.log"; then fail "a secret or personal datum reached the log"; fi
echo "prod-smoke: OK (production deps only; healthz, readyz, the inbox at /, GraphQL, no introspection, SIGTERM drained, exit 0)"
