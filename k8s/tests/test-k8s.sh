#!/usr/bin/env bash
# make test-k8s: the checks of k8s/, liberty/*/Containerfile and the monitoring files.
#   1. tools      kubectl and Debian's promtool/prometheus, fetched into .local/tools when missing;
#                 the scripts here linted (when shellcheck is installed; make test-infra installs it)
#   2. render     kubectl kustomize of every overlay (platform, app, monitoring x aws, local; aws-keda; templates)
#   3. promtool   check config of the Prometheus config as rendered into its ConfigMap (plus the local one),
#                 check rules, test rules (each alert fires and stays quiet)
#   4. static     k8s-check unit tests: fabric8 strict validation, references, pod policy, network policies
#                 (default deny, the monitoring flows), WAR/Containerfile contract, dashboards (needs the WARs
#                 built: runs 'make build' when they are missing)
#   5. live       panel-test.sh: real Prometheus + the running pipeline, every panel returns data
#                 (CA4_K8S_LIVE=0 skips it, saying so). Uses the local stack's ports.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
. k8s/tests/tools.sh
MVN=${MVN:-mvn -B -ntp}
T=$(mktemp -d /tmp/ca4-test-k8s.XXXXXX)
trap 'rm -rf "$T"' EXIT
started=$(date +%s)
section() { printf '\n=== test-k8s: %s\n' "$*"; }
fail() { printf '\ntest-k8s FAILED: %s\n' "$*" >&2; exit 1; }

section "1/5 tools"
KUBECTL=$(tools_kubectl) || fail "no kubectl"
PROMTOOL=$(tools_prometheus promtool) || fail "no promtool"
echo "kubectl: $KUBECTL ($("$KUBECTL" version --client 2>/dev/null | head -n1)); promtool: $PROMTOOL ($("$PROMTOOL" --version 2>&1 | head -n1))"

if command -v shellcheck >/dev/null 2>&1; then
  shellcheck -x -S warning k8s/tests/*.sh k8s/platform/base/kafka/*.sh make/images/*.sh liberty/base/helpers/*.sh \
    || fail "shellcheck of k8s/tests, the Kafka scripts and the image scripts"
  echo "ok: shellcheck of k8s/tests/*.sh, k8s/platform/base/kafka/*.sh, make/images/*.sh and liberty/base/helpers/*.sh"
fi

section "2/5 render every overlay"
for o in k8s/platform/overlays/aws k8s/platform/overlays/local k8s/app/overlays/aws k8s/app/overlays/local \
         k8s/app/overlays/aws-keda k8s/monitoring/overlays/aws k8s/monitoring/overlays/local k8s/platform/templates; do
  out="$T/$(echo "$o" | tr / _).yaml"
  "$KUBECTL" kustomize "$o" > "$out" || fail "kubectl kustomize $o"
  echo "ok: $o ($(grep -c '^kind:' "$out") objects)"
done

section "3/5 promtool"
# The config exactly as deployed: both keys of the rendered prometheus-config ConfigMap in one folder.
python3 - "$T/k8s_monitoring_overlays_aws.yaml" "$T/prom" <<'PY'
import os, sys, yaml
os.makedirs(sys.argv[2])
for doc in yaml.safe_load_all(open(sys.argv[1])):
    if doc and doc["kind"] == "ConfigMap" and doc["metadata"]["name"].startswith("prometheus-config"):
        for key, value in doc["data"].items():
            open(os.path.join(sys.argv[2], key), "w").write(value)
PY
"$PROMTOOL" check config "$T/prom/prometheus.yml" || fail "promtool check config (rendered ConfigMap)"
"$PROMTOOL" check config k8s/monitoring/local/prometheus.yml || fail "promtool check config (local)"
"$PROMTOOL" check rules k8s/monitoring/base/prometheus/ca4.rules.yml || fail "promtool check rules"
"$PROMTOOL" test rules k8s/monitoring/base/prometheus/tests/ca4.rules.test.yml || fail "promtool test rules"

section "4/5 static checks (k8s-check)"
if [ ! -f processor-war/target/processor-war.war ] || [ ! -f worker-war/target/worker-war.war ] \
   || [ ! -f search-war/target/search-war.war ] || [ ! -x processor-war/target/liberty/wlp/bin/server ] \
   || [ ! -f demo-client/target/demo-client.jar ]; then
  echo "the WARs are not built: make build"
  make --no-print-directory build
fi
$MVN -q -f k8s-check/pom.xml package -DskipITs -Dca4.kubectl="$KUBECTL" || fail "k8s-check unit tests"
python3 - k8s-check/target/surefire-reports <<'PY'
import glob, sys, xml.etree.ElementTree as ET
t = f = 0
for p in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    r = ET.parse(p).getroot(); t += int(r.get("tests")); f += int(r.get("failures")) + int(r.get("errors"))
    print(f"  {r.get('name').rsplit('.', 1)[1]}: {r.get('tests')} tests")
print(f"k8s-check: {t - f} passed, {f} failed")
PY

section "5/5 live: every dashboard panel has data"
if [ "${CA4_K8S_LIVE:-1}" = 0 ]; then
  echo "SKIPPED: CA4_K8S_LIVE=0 (the panel test needs the local stack's ports)"
else
  MVN="$MVN" bash k8s/tests/panel-test.sh || fail "panel test (k8s/tests/panel-test.sh)"
fi
printf '\n=== test-k8s: done in %ss\n' "$(( $(date +%s) - started ))"
