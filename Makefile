# Sleutel — the two commands for a fresh machine are `make run` and `make test`.
# Both install what they need (Debian packages via apt, crates via cargo).

SHELL := /bin/bash
CARGO ?= cargo
# Builds live outside the clone so repeated CI runs on one machine reuse them.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/sleutel-target
export CARGO_TERM_COLOR ?= never

# Debian packages the build needs: a C toolchain for SQLCipher, perl and make for the vendored OpenSSL, WebKitGTK and
# friends for the Tauri app, Chromium and Xvfb for the browser and window tests (with an Ethiopic font, so Tigrinya is
# laid out in real letters, as on a phone), a session bus (dbus-daemon) of the
# window tests' own, and PostgreSQL, whose programs
# (initdb, pg_ctl) the tests use to start a throwaway cluster of their own, nginx, which the deployment test runs
# with the documented site file in front of the coordinator (never either system service), and python3-venv for the
# API fuzzer (schemathesis from PyPI, pinned, in a venv of the tools folder).
DEB_PACKAGES := build-essential pkg-config perl make ca-certificates file libssl-dev \
	libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev libsoup-3.0-dev \
	libjavascriptcoregtk-4.1-dev \
	chromium fonts-dejavu-core fonts-sil-abyssinica xvfb xauth webkit2gtk-driver dbus-x11 dbus-daemon at-spi2-core \
	postgresql nginx python3-venv

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

TOOLS_DIR ?= $(HOME)/.cache/sleutel-tools
TAURI_DRIVER := $(TOOLS_DIR)/bin/tauri-driver
CARGO_DENY := $(TOOLS_DIR)/bin/cargo-deny

.PHONY: run test bench package package-check toolchain licences deps tools api-fuzz ui-deps ui-build ui-tests app-e2e dashboard-e2e bindings-check fmt-check lint unit-tests dependency-check clean

## run: the app next to a local coordinator (with its dashboard) with a demo organisation and a printed enrolment code
run: deps ui-build
	$(CARGO) build --locked -p sleutel-app -p sleutel-coordinator -p sleutel-system-tests --bins \
		--features sleutel-coordinator/embedded-dashboard
	./scripts/run-local.sh

## test: format check, clippy with warnings as errors, dependency direction, every Rust and UI test
test: deps ui-build fmt-check lint dependency-check licences unit-tests api-fuzz bindings-check ui-tests dashboard-e2e app-e2e \
	package-check

## package: the app's installers (.deb and .rpm) from a release build, with the Tauri CLI from ui/node_modules.
# No AppImage: its bundler downloads its tools from the internet at build time.
APP_VERSION = $(shell sed -n 's/^ *"version": *"\(.*\)",$$/\1/p' src-tauri/tauri.conf.json | head -n 1)
APP_DEB := $(CARGO_TARGET_DIR)/release/bundle/deb/Sleutel_$(APP_VERSION)_$(shell dpkg --print-architecture).deb
package: deps ui-build
	ui/node_modules/.bin/tauri build --ci --bundles deb,rpm

## package-check: install the .deb, start the installed app under Xvfb until its page has loaded, remove it again
package-check: package
	./scripts/package-check.sh $(APP_DEB)

## toolchain: Rust and Node.js new enough (Cargo.toml's rust-version, ui/package.json's engines), or a clear message
toolchain:
	@./scripts/check-toolchain.sh

## deps: install missing Debian packages (apt-get update once, only when something is missing)
deps: toolchain
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## ui-deps: the UI's npm packages, exactly as locked
ui-deps:
	cd ui && npm ci --no-audit --no-fund

## ui-build: the app's web assets (embedded by the Tauri shell at compile time) and the coordinator's dashboard pages
ui-build: ui-deps
	cd ui && ./node_modules/.bin/vite build && ./node_modules/.bin/vite build --config vite.dashboard.config.ts

## ui-tests: vitest (components, i18n), svelte-check (types), and the built UI in Chromium with axe-core
ui-tests: ui-build
	cd ui && ./node_modules/.bin/vitest run
	cd ui && ./node_modules/.bin/svelte-check --tsconfig ./tsconfig.app.json --fail-on-warnings
	cd ui && node --test e2e/

## tools: tauri-driver (drives the real app window through WebKitWebDriver), built from crates.io once
tools: $(TAURI_DRIVER)
$(TAURI_DRIVER):
	$(CARGO) install tauri-driver --locked --root $(TOOLS_DIR)

## app-e2e: the real app window under Xvfb, through tauri-driver
app-e2e: deps tools ui-build
	$(CARGO) build --locked -p sleutel-app -p sleutel-coordinator
	cd ui && SLEUTEL_APP_BINARY=$(abspath $(CARGO_TARGET_DIR))/debug/sleutel-app \
		SLEUTEL_COORDINATOR_BINARY=$(abspath $(CARGO_TARGET_DIR))/debug/sleutel-coordinator \
		TAURI_DRIVER=$(TAURI_DRIVER) node --test e2e-app/

## dashboard-e2e: the dashboard in Chromium against a real coordinator fed by real demo devices (axe-core, XLSX)
# The coordinator is built with the dashboard inside it, as it is shipped; the test starts it without a folder.
dashboard-e2e: deps ui-build
	$(CARGO) build --locked -p sleutel-coordinator -p sleutel-system-tests --bins --features sleutel-coordinator/embedded-dashboard
	cd ui && SLEUTEL_COORDINATOR_BINARY=$(abspath $(CARGO_TARGET_DIR))/debug/sleutel-coordinator \
		SLEUTEL_DEMO_DEVICES_BINARY=$(abspath $(CARGO_TARGET_DIR))/debug/sleutel-demo-devices \
		SLEUTEL_XLSX_ROWS_BINARY=$(abspath $(CARGO_TARGET_DIR))/debug/sleutel-xlsx-rows \
		node --test e2e-dashboard/

## bindings-check: the TypeScript types generated from Rust (by `cargo test`) must be the committed ones
bindings-check:
	@changed=$$(git status --porcelain -- ui/src/lib/bindings); \
	if [ -n "$$changed" ]; then echo "stale TypeScript bindings (commit what cargo test generated):"; echo "$$changed"; exit 1; fi

fmt-check:
	$(CARGO) fmt --all -- --check

# The coordinator once more with the dashboard built in (needs ui-build first), as it is shipped.
lint: ui-build
	$(CARGO) clippy --workspace --all-targets --locked --exclude sleutel-hello-tauri -- -D warnings
	$(CARGO) clippy -p sleutel-coordinator --locked --features embedded-dashboard -- -D warnings

dependency-check:
	./scripts/check-dependency-direction.sh

## licences: cargo-deny (from crates.io, built once) checks every crate's licence and the banned crates (deny.toml).
# Not advisories: their database comes from GitHub, which these build machines cannot reach (see deny.toml).
licences: $(CARGO_DENY)
	$(CARGO_DENY) --log-level error check --hide-inclusion-graph licenses bans
$(CARGO_DENY):
	$(CARGO) install cargo-deny --version 0.20.2 --locked --root $(TOOLS_DIR)

## api-fuzz: schemathesis against a throwaway coordinator, from its own OpenAPI document (bounded, fixed seed)
api-fuzz: deps
	$(CARGO) build --locked -p sleutel-coordinator --bin sleutel-coordinator
	./scripts/api-fuzz.sh $(abspath $(CARGO_TARGET_DIR))/debug/sleutel-coordinator $(TOOLS_DIR)

# The hello-world window is a benchmark baseline only; `make bench` builds it.
unit-tests:
	$(CARGO) test --workspace --locked --exclude sleutel-hello-tauri

## bench: store, sync and app benchmarks; each prints a table of figures against their goals
bench: deps tools ui-build
	$(CARGO) bench --locked -p sleutel-store --bench store
	$(CARGO) bench --locked -p sleutel-system-tests --bench sync
	$(CARGO) bench --locked -p sleutel-system-tests --bench coordinator_scale
	$(CARGO) build --locked --release -p sleutel-app -p sleutel-hello-tauri
	cd ui && SLEUTEL_APP_BINARY=$(abspath $(CARGO_TARGET_DIR))/release/sleutel-app \
		SLEUTEL_HELLO_BINARY=$(abspath $(CARGO_TARGET_DIR))/release/sleutel-hello-tauri \
		TAURI_DRIVER=$(TAURI_DRIVER) node bench/app.bench.mjs

clean:
	$(CARGO) clean
