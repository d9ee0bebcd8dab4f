#!/usr/bin/env bash
# Starts Chrome (or Chromium when Chrome is not installed) full-screen on the kiosk's address, with
# its own profile, and starts it again whenever it exits: a kiosk must come back by itself.
#
#   emitra-kiosk.sh https://emitra-hub.example.in
#   EMITRA_KIOSK_URL=https://emitra-hub.example.in emitra-kiosk.sh
#
# Settings (environment):
#   EMITRA_KIOSK_URL        the kiosk's address, when not given as the first argument
#   EMITRA_PROFILE_DIR      Chrome's profile for the kiosk (default ~/.local/share/emitra-kiosk/chrome-profile)
#   EMITRA_RESTART_DELAY    seconds to wait before starting Chrome again (default 3)
#   CHROME_BIN              a browser to use instead of the first one found
set -u

url="${1:-${EMITRA_KIOSK_URL:-}}"
if [ -z "$url" ]; then
	echo "Give the kiosk's address: $0 https://emitra-hub.example.in (or set EMITRA_KIOSK_URL)" >&2
	exit 2
fi

browser="${CHROME_BIN:-}"
if [ -z "$browser" ]; then
	for candidate in google-chrome-stable google-chrome chromium chromium-browser; do
		if command -v "$candidate" >/dev/null 2>&1; then
			browser="$(command -v "$candidate")"
			break
		fi
	done
fi
if [ -z "$browser" ]; then
	echo "Neither Google Chrome nor Chromium is installed (deploy/chrome/README.md, step 1)." >&2
	exit 3
fi

profile="${EMITRA_PROFILE_DIR:-${HOME}/.local/share/emitra-kiosk/chrome-profile}"
delay="${EMITRA_RESTART_DELAY:-3}"
mkdir -p "$profile"

# --kiosk-printing prints silently to the default printer (the Canon, chosen by the policy);
# the others keep a citizen from zooming, swiping back or meeting Chrome's own dialogs.
flags=(
	--kiosk
	--kiosk-printing
	--disable-pinch
	--overscroll-history-navigation=0
	--noerrdialogs
	--no-first-run
	--user-data-dir="$profile"
)

child=""
stop() {
	[ -n "$child" ] && kill "$child" 2>/dev/null
	exit 0
}
trap stop INT TERM

# After a power cut Chrome would offer to "restore pages"; the kiosk opens its own page anyway.
mark_clean_exit() {
	local preferences="$profile/Default/Preferences"
	[ -f "$preferences" ] || return 0
	sed -i -e 's/"exited_cleanly":false/"exited_cleanly":true/' -e 's/"exit_type":"[^"]*"/"exit_type":"Normal"/' "$preferences"
}

while true; do
	mark_clean_exit
	echo "$(date -Is) starting $browser on $url"
	"$browser" "${flags[@]}" "$url" &
	child=$!
	wait "$child"
	status=$?
	child=""
	echo "$(date -Is) the browser exited (status $status); starting it again in ${delay} s" >&2
	sleep "$delay" &
	child=$!
	wait "$child"
	child=""
done
