#!/usr/bin/env bash
# Fuzzes the coordinator's API from its own OpenAPI document with schemathesis (PyPI, pinned, in a venv of the
# tools folder) against a throwaway coordinator on a free loopback port: fails on any server error, an answer its
# schema does not describe, an undocumented status code or a wrong content type. Used by `make test`.
set -euo pipefail

binary="$1"
tools="$2"
version="4.32.5"
venv="$tools/schemathesis-$version"
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis==$version"
fi

data="$(mktemp -d)"
log="$data/coordinator.log"
cleanup() {
    [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT

# An admin token and one organisation: the fuzzer reaches the management endpoints too. Throwaway data only, since
# the fuzzer revokes devices and changes accounts.
token="$("$binary" --data-dir "$data" create-admin --name fuzz | tail -n 1)"
"$binary" --data-dir "$data" create-organisation --name "Stichting Fuzz" > /dev/null
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
SLEUTEL_LOG=warn "$binary" --data-dir "$data" serve --bind "127.0.0.1:$port" > "$log" 2>&1 &
server=$!
for _ in $(seq 50); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2> /dev/null; then break; fi
    sleep 0.1
done

# From the throwaway folder: schemathesis keeps a cache (.schemathesis/) where it runs, which would otherwise land
# in the repository and replay old findings into a later run.
cd "$data"
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/v1/openapi.json" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
    --max-examples 20 --seed 20261130 --no-color \
    -H "Authorization: Bearer $token"
