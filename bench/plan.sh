#!/usr/bin/env bash
# Benchmark: `plan dev` end to end (built Release binary, process start included) against a synthetic
# stack with 3 control planes and 100 workers. Targets: dev < 1.5 s; the big stack < 2x dev.
# Usage: bench/plan.sh [runs]   (default 10). Prints mean and max wall time per stack.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
dotnet build infra/Cli -c Release --nologo -v quiet > /dev/null
bin=infra/Cli/bin/Release/net10.0/bootstrap

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r Pulumi.yaml Pulumi.dev.yaml renovate.json gitops stacks "$work"/
cp -r stacks/dev "$work/stacks/big"
sed 's#gitops/clusters/dev#gitops/clusters/big#' Pulumi.dev.yaml > "$work/Pulumi.big.yaml"
cp -r gitops/clusters/dev "$work/gitops/clusters/big"
sed -i 's#stacks/dev/values#stacks/big/values#' "$work"/gitops/clusters/big/core/*.yaml
for i in $(seq 1 100); do
  printf '      worker-%s: { role: worker, ip: 192.168.40.%s, host: pve%s, vmId: %s, cores: 4, memoryMiB: 8192, diskGiB: 50 }\n' \
    "$((i + 2))" "$((i + 99))" "$((i % 3 + 1))" "$((4099 + i))"
done > "$work/workers.yaml"
# Insert the synthetic workers after worker-2 in the nodes map.
sed -i "/worker-2: {/r $work/workers.yaml" "$work/Pulumi.big.yaml"

measure() {
  local stack=$1 total=0 max=0
  for _ in $(seq 1 "$runs"); do
    local start end ms
    start=$(date +%s%N)
    "$bin" plan "$stack" --root "$work" > /dev/null
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    total=$((total + ms)); (( ms > max )) && max=$ms
  done
  echo "$stack: mean $((total / runs)) ms, max $max ms over $runs runs ($(grep -c 'role:' "$work/Pulumi.$stack.yaml") nodes)"
}
measure dev
measure big
