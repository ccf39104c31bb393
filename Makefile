# Sleutel — the two commands for a fresh machine are `make run` and `make test`.
# Both install what they need (Debian packages via apt, crates via cargo).

SHELL := /bin/bash
CARGO ?= cargo
# Builds live outside the clone so repeated CI runs on one machine reuse them.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/sleutel-target
export CARGO_TERM_COLOR ?= never

# Debian packages the build needs: a C toolchain for SQLCipher, perl and make for the vendored OpenSSL.
DEB_PACKAGES := build-essential pkg-config perl make ca-certificates

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench deps fmt-check lint unit-tests dependency-check clean

## run: a demo of the core (encrypted store, recording, counts) until the app exists
run: deps
	$(CARGO) run --quiet -p sleutel-store --bin sleutel-store-tool -- demo

## test: format check, clippy with warnings as errors, dependency direction, every test
test: deps fmt-check lint dependency-check unit-tests

## deps: install missing Debian packages (apt-get update once, only when something is missing)
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

fmt-check:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

dependency-check:
	./scripts/check-dependency-direction.sh

unit-tests:
	$(CARGO) test --workspace --locked

## bench: store and sync benchmarks; each prints a table of figures against their goals
bench: deps
	$(CARGO) bench --locked -p sleutel-store --bench store
	$(CARGO) bench --locked -p sleutel-system-tests --bench sync

clean:
	$(CARGO) clean
