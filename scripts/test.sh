#!/usr/bin/env bash
# The README's second command: install what the tests need and run the whole suite,
# against SQLite and a throwaway PostgreSQL server, with the browser tests in Debian's
# headless Chromium.
#   - Debian packages (postgresql, chromium, chromium-driver) are installed when missing;
#   - the package with its test and ray extras goes into ./.venv, pinned by constraints.txt;
#   - a PostgreSQL cluster is created in a temporary directory, listens on 127.0.0.1
#     only, and is removed when the suite ends.
# Extra arguments go to pytest (e.g. scripts/test.sh -k ingest).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
echo "== installing warledger with test extras"
.venv/bin/pip install -q --disable-pip-version-check -c constraints.txt -e ".[test,ray]"

echo "== starting a throwaway PostgreSQL server on 127.0.0.1"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGROOT=$(mktemp -d /tmp/warledger-pg.XXXXXX)
PGPORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: run the throwaway cluster as the postgres user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$PGROOT"
  RUNAS=(runuser -u postgres --)
fi
"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U warledger --auth=trust -E UTF8 >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGROOT -c fsync=off" start >/dev/null
cleanup() {
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT

export WARLEDGER_TEST_PG_URL="postgresql+psycopg://warledger@127.0.0.1:$PGPORT/postgres"
# In this command the PostgreSQL, browser and Ray tests must run: missing prerequisites fail.
export WARLEDGER_REQUIRE_PG=1
export WARLEDGER_REQUIRE_BROWSER=1
export WARLEDGER_REQUIRE_SHARED=1
export WARLEDGER_REQUIRE_RAY=1

echo "== ruff"
.venv/bin/ruff check src tests scripts benchmarks
echo "== pytest"
.venv/bin/python -m pytest "$@"
