#!/usr/bin/env bash
# The dashboard's browser tests (Tests/browser): headless Chromium from Debian driven by Selenium from PyPI, in the
# project-local venv .venv-ui/, against the debug build of mindsphere-fake. scripts/setup.sh --ui installs what
# they need. Usage: scripts/ui-test.sh [--screenshots DIR] (make screenshots writes the README's PNGs to docs/).
set -euo pipefail
cd "$(dirname "$0")/.."

selenium_version=4.38.0
venv=.venv-ui
python=/usr/bin/python3
[ -x "$python" ] || python=python3

if ! "$venv/bin/python" -c "import selenium, sys; sys.exit(selenium.__version__ != '$selenium_version')" 2>/dev/null; then
    echo "ui-test: installing selenium $selenium_version into $venv" >&2
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium==$selenium_version"
fi

swift build --product mindsphere-fake
MINDSPHERE_FAKE_BIN=.build/debug/mindsphere-fake "$venv/bin/python" Tests/browser/test_dashboard.py "$@"
