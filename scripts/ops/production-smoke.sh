#!/usr/bin/env bash
# The production build starts and serves: `npm run build`, then plain Node on the compiled server with an
# embedded database in a temporary directory; /api/health must answer and the web app must be served.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${SMOKE_PORT:-3296}"
dir="$(mktemp -d)"
npm run --silent build
VOORDEUR_DATA_DIR="$dir" VOORDEUR_DEMO=true PORT="$PORT" HOST=127.0.0.1 node packages/server/dist/voordeur.mjs serve >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 1; done
health="$(curl -sf "http://127.0.0.1:$PORT/api/health")" || { cat "$dir/serve.log"; exit 1; }
curl -sf "http://127.0.0.1:$PORT/werkvoorraad" | grep -q '<div id="root"' || { echo "web app not served"; exit 1; }
echo "production build serves: $health"
