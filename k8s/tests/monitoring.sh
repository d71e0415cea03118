#!/usr/bin/env bash
# monitoring.sh up|down|wait STATE_DIR [PROM_PORT EXPORTER_PORT INTERVAL]: run Prometheus (Debian's, with the
# cluster's rule file) and the local lag exporter against the pipeline of 'make run'; used by make
# monitoring-up/-down and by panel-test.sh. Processes are recorded in STATE_DIR/*.pid and only those are stopped.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$REPO/k8s/tests/tools.sh"
cmd=$1 state=$2 prom_port=${3:-9090} exporter_port=${4:-9308} interval=${5:-}
mkdir -p "$state"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

up() {
  for p in "$prom_port" "$exporter_port"; do
    port_free "$p" || { echo "port $p is in use: run 'make monitoring-down', or stop what holds it" >&2; exit 1; }
  done
  [ -f "$REPO/k8s-check/target/classpath.txt" ] || (cd "$REPO/k8s-check" && mvn -B -ntp -q package -DskipTests -DskipITs)
  java -cp "$REPO/k8s-check/target/classes:$(cat "$REPO/k8s-check/target/classpath.txt")" dev.ca4.k8scheck.LagExporter \
    127.0.0.1:9092 "$exporter_port" ca4-worker > "$state/exporter.log" 2>&1 &
  echo $! > "$state/exporter.pid"
  python3 "$REPO/k8s/tests/prometheus-local.py" "$state" "$prom_port" "$exporter_port" $interval
  "$(tools_prometheus prometheus)" --config.file="$state/prometheus.yml" --storage.tsdb.path="$state/data" \
    --web.listen-address="127.0.0.1:$prom_port" > "$state/prometheus.log" 2>&1 &
  echo $! > "$state/prometheus.pid"
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$prom_port/-/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$prom_port/-/ready" >/dev/null || { tail -n 20 "$state/prometheus.log" >&2; exit 1; }
  echo "Prometheus http://127.0.0.1:$prom_port (alerts: /alerts; rules: k8s/monitoring/base/prometheus/ca4.rules.yml), lag exporter :$exporter_port"
}

down() {
  local name pid
  for name in prometheus exporter; do
    [ -f "$state/$name.pid" ] || continue
    pid=$(cat "$state/$name.pid")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      echo "$name stopped"
    fi
    rm -f "$state/$name.pid"
  done
}

# wait: until every target of the local config is up (the servers answer /metrics, the exporter reaches Kafka).
wait_targets() {
  for _ in $(seq 1 60); do
    if curl -fs "http://127.0.0.1:$prom_port/api/v1/targets" | python3 -c '
import json, sys
t = json.load(sys.stdin)["data"]["activeTargets"]
sys.exit(0 if t and all(x["health"] == "up" for x in t) else 1)'; then return 0; fi
    sleep 1
  done
  curl -s "http://127.0.0.1:$prom_port/api/v1/targets" >&2
  echo "not every Prometheus target is up (see above)" >&2
  exit 1
}

case "$cmd" in
  up) up ;;
  down) down ;;
  wait) wait_targets ;;
  *) echo "usage: monitoring.sh up|down|wait STATE_DIR [PROM_PORT EXPORTER_PORT INTERVAL]" >&2; exit 2 ;;
esac
