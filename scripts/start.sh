#!/usr/bin/env bash
# Starts one nCEN node with working defaults. On first use it builds the node,
# creates ./ncen-data for the administration $NCEN_ADMINISTRATION (default NL),
# and creates two accounts, `admin` (administrator) and `officer`, whose
# generated passwords it prints once and keeps in ncen-data/initial-passwords.txt
# (mode 0600; delete it once you have changed them).
# Then it serves the web UI and the REST API on http://127.0.0.1:8080/
# (override with NCEN_HTTP__LISTEN). Stop it with Ctrl-C.
# It builds the debug profile, which shares its build with the test suite; set
# NCEN_PROFILE=release for an optimised build. RocksDB itself is always the optimised
# archive that scripts/rocksdb.sh builds once.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${NCEN_NODE__DATA_DIR:-./ncen-data}"
ADMINISTRATION="${NCEN_ADMINISTRATION:-NL}"
echo "Building ncen-node (the first build compiles RocksDB and takes a while)..."
BIN="$(scripts/build.sh)"

if [ ! -e "$DATA/node.key" ]; then
  "$BIN" init --data-dir "$DATA" --administration "$ADMINISTRATION"
  umask 077
  {
    echo "# Initial passwords of $DATA; change them after the first login, then delete this file."
    for account in admin:administrator officer:officer; do
      name="${account%%:*}"; role="${account##*:}"
      password="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
      printf '%s\n' "$password" | "$BIN" user add --data-dir "$DATA" --username "$name" --role "$role" --password-stdin >/dev/null
      echo "$name ($role): $password"
    done
  } > "$DATA/initial-passwords.txt"
  echo
  cat "$DATA/initial-passwords.txt"
  echo
fi

export NCEN_NODE__DATA_DIR="$DATA"
exec "$BIN" run "$@"
