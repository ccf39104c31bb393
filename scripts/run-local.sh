#!/usr/bin/env bash
# `make run`: the app next to a local coordinator (embedded SQLite) with a demo organisation, so a new user can enrol
# the app with the printed code and watch the counts arrive, and the coordinator's dashboard, filled on the first run
# by three demo devices with made-up work. Everything lives in one demo folder; the app's own data folder is not
# touched.
set -euo pipefail

target="${CARGO_TARGET_DIR:?}/debug"
demo="${SLEUTEL_DEMO_DIR:-$PWD/.demo}"
port="${SLEUTEL_DEMO_PORT:-8080}"
coordinator="$target/sleutel-coordinator"
app="$target/sleutel-app"
demo_devices="$target/sleutel-demo-devices"
dashboard="$PWD/ui/dist-dashboard"
organisation="Demo-organisatie"

mkdir -p "$demo"
chmod 700 "$demo"
cli() { "$coordinator" --data-dir "$demo/coordinator" "$@"; }

if [ ! -f "$demo/coordinator-ready" ]; then
	cli create-organisation --name "$organisation" >/dev/null
	cli create-admin --name demo | tail -n 1 >"$demo/admin-token"
	chmod 600 "$demo/admin-token"
	# A random dashboard password for this demo folder only.
	(tr -dc 'a-z0-9' </dev/urandom | head -c 20 || true) >"$demo/admin-password"
	chmod 600 "$demo/admin-password"
	cli set-password --name demo <"$demo/admin-password" >/dev/null
	touch "$demo/coordinator-ready"
fi
issued="$(cli --public-url "http://127.0.0.1:$port" issue-code --organisation "$organisation")"
code="$(head -n 1 <<<"$issued" | sed 's/.*: //')"
link="$(sed -n 's/^Enrolment link.*: //p' <<<"$issued")"

# Loopback only, so the session cookie may go without `Secure` (plain HTTP); a real server sits behind TLS.
SLEUTEL_LOG=warn cli serve --bind "127.0.0.1:$port" --dashboard-dir "$dashboard" --plain-http-cookies &
server=$!
watcher=""
trap 'kill $server $watcher 2>/dev/null || true' EXIT
sleep 1
if ! kill -0 "$server" 2>/dev/null; then
	echo "The coordinator could not start on 127.0.0.1:$port (in use?). Try: SLEUTEL_DEMO_PORT=8090 make run" >&2
	exit 1
fi

if [ ! -f "$demo/devices-ready" ]; then
	codes=()
	for _ in 1 2 3; do codes+=(--code "$(cli issue-code --organisation "$organisation" | sed 's/.*: //')"); done
	if "$demo_devices" --coordinator "http://127.0.0.1:$port" --months 6 "${codes[@]}" >/dev/null; then
		touch "$demo/devices-ready"
	else
		echo "The demo devices could not send their counts; the dashboard starts empty." >&2
	fi
fi

cat <<INFO

  Sleutel demo
  ------------
  Coordinator:      http://127.0.0.1:$port   (organisation: $organisation)
  Dashboard:        http://127.0.0.1:$port   name: demo   password: $(cat "$demo/admin-password")
                    (three demo devices sent six months of made-up counts on the first run)
  Enrolment code:   $code   (one use, valid 24 hours)
  Enrolment link:   $link
  In the app:       choose a passphrase, record something, then open "Meer" → "Cijfers versturen" and paste the
                    link (or enter the address and the code). The coordinator's totals for this month are printed
                    below whenever they change.
  API (admin):      curl -H "Authorization: Bearer \$(cat $demo/admin-token)" \\
                      "http://127.0.0.1:$port/api/v1/totals?metric=activities&from=$(date +%Y-%m)&to=$(date +%Y-%m)"
  Demo data:        $demo   (delete it to start over)

INFO

cli totals --organisation "$organisation" --watch &
watcher=$!

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
	echo "No desktop session (DISPLAY is not set): the coordinator runs, the app window cannot open. Ctrl-C stops." >&2
	wait "$server"
else
	SLEUTEL_APP_DATA_DIR="$demo/app" SLEUTEL_BACKUP_DIR="$demo/backups" "$app"
fi
