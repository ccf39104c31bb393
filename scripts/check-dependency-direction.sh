#!/usr/bin/env bash
# Checks the dependency direction of docs/architecture.md with `cargo tree`:
#   domain ← protocol ← sync;  domain ← store ← sync;  protocol, domain ← coordinator;
#   sync, store, protocol, domain ← app
# The domain and the protocol do no IO; no core crate depends on a shell (tauri, axum) except the coordinator,
# which is the axum shell. SQLCipher only where it is used: the coordinator, built on its own, links plain SQLite
# and no OpenSSL.
set -euo pipefail
cd "$(dirname "$0")/.."

fail=0
deps_of() { cargo tree --locked -e normal -p "$1" --prefix none --format '{p}' | awk '{print $1}' | sort -u; }
forbid() {
  local crate=$1; shift
  local deps; deps=$(deps_of "$crate")
  for forbidden in "$@"; do
    if grep -qx "$forbidden" <<<"$deps"; then echo "$crate must not depend on $forbidden"; fail=1; fi
  done
}

forbid sleutel-domain sleutel-store sleutel-protocol sleutel-sync sleutel-coordinator rusqlite tokio axum tauri reqwest
forbid sleutel-protocol sleutel-store sleutel-sync sleutel-coordinator rusqlite tokio axum tauri reqwest
forbid sleutel-store sleutel-protocol sleutel-sync sleutel-coordinator tokio axum tauri reqwest
forbid sleutel-sync sleutel-coordinator axum tauri
forbid sleutel-coordinator sleutel-store sleutel-sync tauri reqwest
forbid sleutel-app sleutel-coordinator axum

# SQLCipher (and with it OpenSSL's libcrypto) only in the store: the coordinator's SQLite is the plain one.
if cargo tree --locked -p sleutel-coordinator -e features -i libsqlite3-sys | grep -q 'feature "bundled-sqlcipher'; then
  echo "sleutel-coordinator must not build SQLCipher"; fail=1
fi

[ "$fail" = 0 ] && echo "dependency direction: ok"
exit "$fail"
