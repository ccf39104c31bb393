#!/usr/bin/env bash
# Installs the app's .deb on this machine as a volunteer's computer would, starts the *installed* binary under Xvfb
# until its page has loaded, and removes the package again. Used by `make package-check` (part of `make test`).
#
# It refuses to touch a `sleutel` package that was installed before it ran: it only removes what it installed.
set -euo pipefail

deb=${1:?usage: package-check.sh PATH/TO/sleutel.deb}
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo

fail() { echo "package-check: $*" >&2; exit 1; }

[ -f "$deb" ] || fail "no package at $deb (run make package)"
if dpkg -s sleutel >/dev/null 2>&1; then
    fail "a sleutel package is installed already; remove it first (dpkg -r sleutel): this check installs and removes its own"
fi

# What the package promises before it is installed: the libraries the binary links against (it uses the system's
# libcrypto for SQLCipher, so libssl3 must be declared next to WebKitGTK).
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libwebkit2gtk-4.1-0 libgtk-3-0 libssl3; do
    [[ "$depends" == *"$needed"* ]] || fail "Depends lacks $needed: $depends"
done
work=$(mktemp -d)
cleanup() {
    if dpkg -s sleutel >/dev/null 2>&1; then $sudo dpkg -r sleutel >/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "package-check: installing $(basename "$deb")"
$sudo dpkg -i "$deb" >/dev/null
[ -x /usr/bin/sleutel-app ] || fail "/usr/bin/sleutel-app is missing after installing"
[ -f /usr/share/applications/Sleutel.desktop ] || fail "no menu entry (Sleutel.desktop) after installing"
missing=$(ldd /usr/bin/sleutel-app | grep 'not found' || true)
[ -z "$missing" ] || fail "the installed binary misses libraries: $missing"

# SLEUTEL_EXIT_AFTER_LOAD makes the app exit with status 0 once its page has finished loading; a crash or a page that
# never loads fails (the timeout bounds the wait).
echo "package-check: starting the installed app under Xvfb"
status=0
# On a session bus of its own: with the desktop's, a Sleutel already open there would be handed over to (the app
# allows one instance per user) and this start would end without loading anything.
SLEUTEL_APP_DATA_DIR="$work/data" SLEUTEL_BACKUP_DIR="$work/backups" SLEUTEL_EXIT_AFTER_LOAD=1 \
    timeout 120 dbus-run-session -- xvfb-run -a /usr/bin/sleutel-app >"$work/app.log" 2>&1 || status=$?
if [ "$status" != 0 ]; then
    cat "$work/app.log" >&2
    fail "the installed app did not load its page (exit status $status)"
fi

$sudo dpkg -r sleutel >/dev/null
[ ! -e /usr/bin/sleutel-app ] || fail "/usr/bin/sleutel-app is still there after removing the package"
echo "package-check: installed, started to its page and removed: ok"
