#!/usr/bin/env bash
# Benchmark: the routine changes a user of this template makes every week, each applied to its own copy of the repository,
# then .ci/run's plan and lint checks on every copy (plan of every stack; lint --pinned --render against the local mirrors,
# offline). The new versions' artifacts are put into local mirrors first, as test artifacts: each chart repackaged under its
# next patch version (Chart.yaml's version rewritten, in the .tgz or the chart folder), the Talos schema and the CRD folders
# copied under the next version. Nothing here reaches the network.
# Usage: bench/routine-changes.sh [--only NAME]   prints one line per change (pass/FAIL, seconds) and the first findings of a
# failure; exit 1 when any change fails. Needs Helm 3 (BOOTSTRAP_HELM, PATH, or .tools/ as .ci/run installs it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
only="${2:-}"; [ "${1:-}" = "--only" ] || only=""
schemas="$(realpath -m "${BOOTSTRAP_SCHEMAS:-$root/../shared/schemas}")"
charts="$(realpath -m "${BOOTSTRAP_CHARTS:-$root/../shared/charts}")"
export BOOTSTRAP_HELM="${BOOTSTRAP_HELM:-$(command -v helm || ls "$root"/.tools/helm-*/helm 2> /dev/null | head -1)}"
[ -x "$BOOTSTRAP_HELM" ] || { echo "no Helm 3: run .ci/run once (it installs one into .tools/) or set BOOTSTRAP_HELM" >&2; exit 2; }

dotnet build "$root/infra/Cli" -c Release --nologo -v quiet > /dev/null
bin="$root/infra/Cli/bin/Release/net10.0/bootstrap"
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export BOOTSTRAP_SCHEMA_CACHE="$work/cache/schemas" BOOTSTRAP_CHART_CACHE="$work/cache/charts" BOOTSTRAP_OFFLINE=1

# --- the mirrors: the shared ones plus the next versions' artifacts ---------------------------------------------------------
cp -r "$schemas" "$work/schemas"; cp -r "$charts" "$work/charts"; chmod -R u+w "$work/schemas" "$work/charts"
next() { local v=$1; local head=${v%.*} last=${v##*.}; echo "$head.$((last + 1))"; }
pin() { sed -n 's/^ *targetRevision: *\([^ ]*\) *$/\1/p' "$root/gitops/clusters/dev/core/$1.yaml" | head -1; }
repackage() { # chart version new-version: the mirror's package of chart@version, as new-version
  local chart=$1 from=$2 to=$3 src="$work/charts/$1/$2" dst="$work/charts/$1/$3"
  mkdir -p "$dst"
  if compgen -G "$src/*.tgz" > /dev/null; then
    local unpack; unpack=$(mktemp -d)
    tar xzf "$src"/*.tgz -C "$unpack"
    sed -i "s/^version: .*/version: $to/" "$unpack/$chart/Chart.yaml"
    tar czf "$dst/$chart-$to.tgz" -C "$unpack" "$chart"
    rm -rf "$unpack"
  else
    cp -r "$src"/. "$dst"/
    sed -i "s/^version: .*/version: $to/" "$(dirname "$(find "$dst" -maxdepth 2 -name Chart.yaml | head -1)")/Chart.yaml"
  fi
}
declare -A bumped
for app in cilium cert-manager trust-manager sealed-secrets argocd reloader; do
  chart=$(sed -n 's/^ *chart: *\([^ ]*\) *$/\1/p' "$root/gitops/clusters/dev/core/$app.yaml" | head -1)
  from=$(pin "$app"); to=$(next "$from"); bumped[$app]="$from $to"
  repackage "$chart" "$from" "$to"
  # The CRD releases a chart version names (cert-manager, trust-manager: the chart version is the release tag).
  case $app in
    cert-manager) cp -r "$work/schemas/cert-manager-crds/$from" "$work/schemas/cert-manager-crds/$to" ;;
    trust-manager) cp -r "$work/schemas/trust-manager-crds/$from" "$work/schemas/trust-manager-crds/$to" ;;
  esac
done
kps_from=$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "$root/gitops/apps/apps-monitoring/kube-prometheus-stack/config.json")
kps_to=$(next "$kps_from"); repackage kube-prometheus-stack "$kps_from" "$kps_to"
talos_from=$(sed -n 's/^ *talosVersion: *\([^ ]*\) *$/\1/p' "$root/Pulumi.dev.yaml"); talos_to=$(next "$talos_from")
cp -r "$work/schemas/talos/$talos_from" "$work/schemas/talos/$talos_to"
kube_from=$(sed -n 's/^ *kubernetesVersion: *"\{0,1\}\([^ "]*\)"\{0,1\} *$/\1/p' "$root/Pulumi.dev.yaml"); kube_to=$(next "$kube_from")

# --- the changes ---------------------------------------------------------------------------------------------------------
copy() { local dst="$work/repo-$1"; mkdir -p "$dst"; (cd "$root" && git ls-files -z | xargs -0 cp --parents -t "$dst"); echo "$dst"; }
cli() { "$bin" "$@" > "$work/cli.log" 2>&1 || { cat "$work/cli.log"; return 1; }; }
change() { # name: applies change_<name> to a fresh copy, then plan + lint
  local name=$1 repo; [ -z "$only" ] || [ "$only" = "$name" ] || return 0
  repo=$(copy "$name")
  local start=$SECONDS log="$work/$name.log" status=pass
  { (cd "$repo" && "change_${1//-/_}" "${@:2}") && checks "$repo"; } > "$log" 2>&1 || status=FAIL
  printf '%-28s %-4s %3d s\n' "$name" "$status" $((SECONDS - start))
  if [ "$status" = FAIL ]; then
    failed=1
    { grep -E '^error' "$log" || tail -5 "$log"; } | cut -c1-400 | sed 's/^/    /' || true
  fi
  return 0
}
checks() { # .ci/run's plan and lint of every stack
  local repo=$1 file stack
  for file in "$repo"/Pulumi.*.yaml; do
    stack=${file##*/Pulumi.}; stack=${stack%.yaml}
    "$bin" plan "$stack" --root "$repo" > /dev/null
  done
  "$bin" lint --pinned --render --schemas "$work/schemas" --charts "$work/charts" --offline --root "$repo"
}
change_baseline() { :; }
change_add_node_dev() {
  sed -i '/worker-2: {/a\      worker-3: { role: worker, ip: 192.168.40.66, host: pve1, vmId: 4066, cores: 4, memoryMiB: 8192, diskGiB: 50 }' Pulumi.dev.yaml
}
change_bump_chart() { # app: dev's pin to the next patch version, as Renovate's first-stage PR
  read -r from to <<< "${bumped[$1]}"
  sed -i "s/^\( *targetRevision: *\)$from *$/\1$to/" "gitops/clusters/dev/core/$1.yaml"
}
change_bump_monitoring() { sed -i "s/\"version\": \"$kps_from\"/\"version\": \"$kps_to\"/" gitops/apps/apps-monitoring/kube-prometheus-stack/config.json; }
change_bump_talos() { sed -i "s/talosVersion: $talos_from/talosVersion: $talos_to/" Pulumi.dev.yaml; }
change_bump_kubernetes() { sed -i "s/\(kubernetesVersion: *\"\{0,1\}\)$kube_from/\1$kube_to/" Pulumi.dev.yaml; }
change_add_app() { cli new-app dev podinfo --chart app-template --repo https://bjw-s-labs.github.io/helm-charts --version "$1" --root .; }
change_new_env() {
  cli new-env lab --from dev --cidr 192.168.60.0/24 --gateway 192.168.60.1 --vip 192.168.60.60 --pool 192.168.60.70-192.168.60.89 \
    --hosts pve1,pve2,pve3 --vlan 60 --root .
}

failed=0
echo "routine changes, each on its own copy: plan of every stack, then lint --pinned --render (offline, local mirrors)"
change baseline
change add-node-dev
for app in cilium cert-manager trust-manager sealed-secrets argocd reloader; do
  name="bump-$app"; eval "change_bump_${app//-/_}() { change_bump_chart $app; }"
  change "$name"
done
change bump-monitoring
change bump-talos
change bump-kubernetes
# ops's nginx pins app-template 5.2.1; an app in dev with the same and with an older version (the issue's staging case).
change_add_app_same() { change_add_app 5.2.1; }; change add-app-same
change_add_app_older() { change_add_app 4.4.0; }; change add-app-older
change new-env
exit $failed
