#!/usr/bin/env bash
# Checks the dependency direction of ARCHITECTURE.md with `cargo tree`: the domain does no IO and depends on no
# other Sleutel crate; no core crate depends on a shell (tauri, axum).
set -euo pipefail
cd "$(dirname "$0")/.."

fail=0
deps_of() { cargo tree --locked -e normal -p "$1" --prefix none --format '{p}' | awk '{print $1}' | sort -u; }

domain=$(deps_of sleutel-domain)
for forbidden in sleutel-store rusqlite libsqlite3-sys tokio axum tauri reqwest; do
  if grep -qx "$forbidden" <<<"$domain"; then echo "sleutel-domain must not depend on $forbidden"; fail=1; fi
done

store=$(deps_of sleutel-store)
for forbidden in tauri axum tokio reqwest; do
  if grep -qx "$forbidden" <<<"$store"; then echo "sleutel-store must not depend on $forbidden"; fail=1; fi
done

[ "$fail" = 0 ] && echo "dependency direction: ok"
exit "$fail"
