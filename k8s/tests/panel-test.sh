#!/usr/bin/env bash
# panel-test.sh: the live half of make test-k8s. Starts the local pipeline on a stack of its own
# (.local/k8s-panel, started empty, so make run's data is untouched) and the Liberty servers (make servers-up:
# processor, worker, search), a real Prometheus with the local config and the cluster's rules (2s interval, free
# ports), sends real traffic, then runs PanelQueriesIT: every dashboard panel's query returns data. Stops all it
# started, also on failure. Uses the local stack's fixed ports: run it under the stack lock.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
MVN=${MVN:-mvn -B -ntp}
T=$(mktemp -d /tmp/ca4-panel-test.XXXXXX)
PANEL_HOME=.local/k8s-panel
STACK=(java -jar local-stack/target/local-stack.jar)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

cleanup() {
  bash k8s/tests/monitoring.sh down "$T" >/dev/null || true
  make --no-print-directory -s servers-down >/dev/null 2>&1 || true
  "${STACK[@]}" stop --home "$PANEL_HOME" >/dev/null 2>&1 || true
  rm -rf "$T"
}
trap cleanup EXIT

make --no-print-directory -s stop
rm -rf "$PANEL_HOME/data"
"${STACK[@]}" start --home "$PANEL_HOME"
make --no-print-directory -s servers-up
prom=$(free_port)
exporter=$(free_port)
bash k8s/tests/monitoring.sh up "$T" "$prom" "$exporter" 2s
bash k8s/tests/monitoring.sh wait "$T" "$prom" "$exporter"
set -a; . ./local.env; . .local/secrets.env; set +a
# 2,048-d, the dimension the search service indexes (ResNet50's): its index and searchable-latency panels need them.
java -jar demo-client/target/demo-client.jar --count 100 --dim 2048
$MVN -q -f k8s-check/pom.xml verify -DskipUnitTests=true -Dca4.prometheus.url="http://127.0.0.1:$prom"
grep -h -o 'tests="[0-9]*" errors="0" skipped="0" failures="0"' k8s-check/target/failsafe-reports/TEST-*.xml \
  | sed 's/^/PanelQueriesIT: /'
