#!/usr/bin/env bash
# Benchmark: `lint --pinned --render` cold (empty cache: every pinned chart and schema fetched) and warm (all from the cache).
# Upstream is played by a local HTTP server on 127.0.0.1 (BOOTSTRAP_DOWNLOAD_MIRROR) serving the offline mirrors' files under
# the upstream URLs the pins name: the charts as Helm repositories (index.yaml with each package's sha256, the .tgz), the
# Talos schema, the Kubernetes OpenAPI (1.35's documents standing in for the pinned 1.36.3's) and the CRD release files.
# Cilium's CRD files and the Renovate package are not in the mirrors, so a small --schemas mirror keeps their offline copies
# (Cilium's older converted schemas stand in, with a warning). Nothing here reaches the network.
# Usage: bench/lint-cache.sh   prints the cold and the warm wall time and what the cold run fetched.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
schemas="$(realpath -m "${BOOTSTRAP_SCHEMAS:-$root/../shared/schemas}")"
charts="$(realpath -m "${BOOTSTRAP_CHARTS:-$root/../shared/charts}")"
export BOOTSTRAP_HELM="${BOOTSTRAP_HELM:-$(command -v helm || ls "$root"/.tools/helm-*/helm 2> /dev/null | head -1)}"
dotnet build "$root/infra/Cli" -c Release --nologo -v quiet > /dev/null
bin="$root/infra/Cli/bin/Release/net10.0/bootstrap"
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server"; rm -rf "$work"' EXIT

python3 - "$root" "$schemas" "$charts" "$work/upstream" <<'PY'
import glob, hashlib, io, os, re, shutil, sys, tarfile
root, schemas, charts, tree = sys.argv[1:]
def put(url, data):
    path = os.path.join(tree, re.sub(r'^https?://', '', url))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, 'wb').write(data)
def pack(folder, top):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w:gz') as tar:
        tar.add(folder, arcname=top)
    return buf.getvalue()
repos = {}
pins = set()
for f in glob.glob(f'{root}/gitops/clusters/*/core/*.yaml'):
    text = open(f).read()
    m = re.search(r'repoURL: (\S+)\n\s+chart: (\S+)\n\s+targetRevision: (\S+)', text)
    if m: pins.add(m.groups())
for f in glob.glob(f'{root}/gitops/apps/*/*/config.json'):
    text = open(f).read()
    if '"kube-prometheus-stack"' in text:
        pins.add((re.search(r'"repo": "([^"]+)"', text)[1], 'kube-prometheus-stack', re.search(r'"version": "([^"]+)"', text)[1]))
for repo, chart, version in sorted(pins):
    src = os.path.join(charts, chart, version)
    tgz = glob.glob(f'{src}/*.tgz')
    data = open(tgz[0], 'rb').read() if tgz else pack(glob.glob(f'{src}/*/Chart.yaml')[0].rsplit('/', 1)[0], chart)
    put(f'{repo}/{chart}-{version}.tgz', data)
    repos.setdefault(repo, []).append(f'  {chart}:\n  - version: {version}\n    digest: {hashlib.sha256(data).hexdigest()}\n    urls: [{chart}-{version}.tgz]\n')
for repo, entries in repos.items():
    put(f'{repo}/index.yaml', ('apiVersion: v1\nentries:\n' + ''.join(entries)).encode())
raw = 'https://raw.githubusercontent.com'
put(f'{raw}/siderolabs/talos/v1.13.9/pkg/machinery/config/schemas/config.schema.json', open(f'{schemas}/talos/v1.13.9/config.schema.json', 'rb').read())
for name, upstream in [('api/v1.json', 'api__v1_openapi.json'), ('apis/apps/v1.json', 'apis__apps__v1_openapi.json'),
                       ('apis/networking.k8s.io/v1.json', 'apis__networking.k8s.io__v1_openapi.json'),
                       ('apis/rbac.authorization.k8s.io/v1.json', 'apis__rbac.authorization.k8s.io__v1_openapi.json')]:
    put(f'{raw}/kubernetes/kubernetes/v1.36.3/api/openapi-spec/v3/{upstream}', open(f'{schemas}/kubernetes/1.35/{name}', 'rb').read())
for f in glob.glob(f'{schemas}/argocd-crds/v3.4.4/*.yaml'):
    put(f'{raw}/argoproj/argo-cd/v3.4.4/manifests/crds/{os.path.basename(f)}', open(f, 'rb').read())
cat = lambda d: b'\n---\n'.join(open(f, 'rb').read() for f in sorted(glob.glob(f'{d}/*.yaml')))
put('https://github.com/cert-manager/cert-manager/releases/download/v1.21.1/cert-manager.crds.yaml', cat(f'{schemas}/cert-manager-crds/v1.21.1'))
put(f'{raw}/cert-manager/trust-manager/v0.24.0/deploy/crds/trust.cert-manager.io_bundles.yaml',
    open(f'{schemas}/trust-manager-crds/v0.24.0/trust.cert-manager.io_bundles.yaml', 'rb').read())
put('https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.6.1/standard-install.yaml', cat(f'{schemas}/gateway-api/v1.6.1'))
PY
mkdir -p "$work/mirror"
cp -r "$schemas/renovate" "$schemas/cilium-crds-jsonschema" "$work/mirror/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/upstream" > "$work/server.log" 2>&1 &
server=$!
sleep 1
export BOOTSTRAP_DOWNLOAD_MIRROR="http://127.0.0.1:$port" BOOTSTRAP_SCHEMA_CACHE="$work/cache/schemas" BOOTSTRAP_CHART_CACHE="$work/cache/charts"
export BOOTSTRAP_OFFLINE=0
run() {
  local start end
  start=$(date +%s%N)
  "$bin" lint --pinned --render --schemas "$work/mirror" --root "$root" > "$work/$1.out" 2> "$work/$1.err" || { cat "$work/$1.err"; exit 1; }
  end=$(date +%s%N)
  echo "$1: $(( (end - start) / 1000000 )) ms, $(grep -c '"GET' "$work/server.log") requests so far; $(grep -o 'fetched [0-9]* pinned source(s)' "$work/$1.out" || echo 'fetched nothing')"
}
run cold
run warm
echo "cache: $(du -sh "$work/cache" | cut -f1) in $(find "$work/cache" -type f | wc -l) files"
