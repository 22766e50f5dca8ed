#!/usr/bin/env bash
# The main job, end to end on this machine: install, deploy the mission's example to the local
# cloud, POST a document to its HTTP route, read it back from the database, stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q --disable-pip-version-check -e .

PORT=${PORT:-7071}
ENV=${MVC_ENV:-demo}
cd examples/insert-object
mvc dev main.js --env "$ENV" --port "$PORT" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.1
done
echo "\$ curl -X POST http://127.0.0.1:$PORT/insert-object-into-my-database -d '{\"name\":\"Ada\"}'"
curl -sS -X POST "http://127.0.0.1:$PORT/insert-object-into-my-database" -d '{"name":"Ada"}' \
  -w 'HTTP %{http_code}\n'
echo "\$ mvc db my-database find"
mvc db my-database find --env "$ENV"
