#!/usr/bin/env bash
# Installs what building mindsphere-fake needs on Debian/Ubuntu: libmicrohttpd-dev and pkg-config, plus
# libjs-dygraphs, the charting library the dashboard (/_fake/ui/) serves. --ui adds what the browser tests need
# (chromium, chromium-driver, python3-venv; scripts/ui-test.sh puts Selenium into .venv-ui/), --bench wrk, gcc and
# valgrind (bench/footprint.py).
# Does nothing when they are already there. Needs root (or sudo) only when something is missing.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libmicrohttpd 2>/dev/null && [ ! -f /usr/include/microhttpd.h ]; then
    missing+=(libmicrohttpd-dev)
fi
[ -f /usr/share/javascript/dygraphs/dygraph.min.js ] || missing+=(libjs-dygraphs)
if [ "${1:-}" = "--ui" ]; then
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    dpkg -s python3-venv >/dev/null 2>&1 || missing+=(python3-venv)
fi
if [ "${1:-}" = "--bench" ]; then
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v gcc >/dev/null 2>&1 || missing+=(gcc)
    command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
