#!/usr/bin/env bash
# Checks that Rust and Node are new enough before anything is built, with a message that says what to do. The
# minimum Rust version is the workspace's `rust-version` (Cargo.toml); the minimum Node version is the UI's
# `engines.node` (ui/package.json), which is what Vite 8 needs.
set -euo pipefail

fail() { echo "check-toolchain: $*" >&2; exit 1; }

# "1.89" or "20.19" style: is $1 at least $2?
at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }

rust_needed=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)
node_needed=$(sed -n 's/.*"node": ">=\([0-9.]*\)".*/\1/p' ui/package.json)
[ -n "$rust_needed" ] && [ -n "$node_needed" ] || fail "cannot read the minimum versions from Cargo.toml and ui/package.json"

command -v cargo >/dev/null || fail "Rust is not installed: install it with rustup (https://rustup.rs), $rust_needed or newer"
rust_found=$(rustc --version | awk '{print $2}')
at_least "${rust_found%%-*}" "$rust_needed" ||
    fail "Rust $rust_found is too old: this project needs $rust_needed or newer (rustup update stable)"

command -v node >/dev/null || fail "Node.js is not installed: this project needs $node_needed or newer"
node_found=$(node --version | sed 's/^v//')
at_least "$node_found" "$node_needed" ||
    fail "Node.js $node_found is too old: this project needs $node_needed or newer (the UI's build tool, Vite, needs it)"

echo "check-toolchain: Rust $rust_found (needs $rust_needed), Node.js $node_found (needs $node_needed): ok"
