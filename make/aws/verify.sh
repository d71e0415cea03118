#!/usr/bin/env bash
# verify.sh preflight|kafka|db|e2e: the AWS-side checks (seed 002, step 10). Each prints what it
# found and exits 1 with one sentence on the first failure.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

: "${CA4_KAFKA_POD:=kafka-0}"
: "${CA4_KAFKA_BIN:=/opt/kafka/bin}"
: "${CA4_MONGOSH_IMAGE:=mongo:7.0}"
: "${CA4_PROCESSOR_SVC:=processor}"
: "${CA4_PROCESSOR_PORT:=9080}"
: "${CA4_WORKER_SVC:=worker}"
: "${CA4_WORKER_PORT:=9081}"
: "${CA4_E2E_TIMEOUT:=90}"

preflight() {
  local total ready
  total=$(kc get nodes --no-headers | wc -l)
  ready=$(kc get nodes --no-headers | awk '$2 == "Ready"' | wc -l)
  kc get nodes -o wide
  [ "$total" -gt 0 ] && [ "$ready" -eq "$total" ] || die "$ready of $total K3s nodes are Ready: see 'kubectl get nodes' above."
  for ns in platform app monitoring; do
    kc get namespace "$ns" >/dev/null 2>&1 || die "Namespace $ns does not exist: run 'make ca4-platform-setup' first."
  done
  for obj in secret/ca4-mongo-credentials configmap/ca4-s3-config secret/ca4-edge-api-config; do
    kc -n app get "$obj" >/dev/null 2>&1 || die "$obj is missing in namespace app: run 'make ca4-platform-setup' first."
  done
  local bad
  for ns in platform app monitoring; do
    echo "--- $ns"
    kc -n "$ns" get deployment,statefulset,pod 2>/dev/null || true
    bad=$(kc -n "$ns" get pods --no-headers 2>/dev/null | awk '$3 != "Running" && $3 != "Completed" {print $1 " (" $3 ")"}')
    [ -z "$bad" ] || die "Pods not running in namespace $ns: $(echo $bad)."
    bad=$(kc -n "$ns" get deployment,statefulset --no-headers 2>/dev/null | awk '{split($2, r, "/"); if (r[1] != r[2]) print $1}')
    [ -z "$bad" ] || die "Workloads not fully ready in namespace $ns: $(echo $bad)."
  done
  info "all nodes Ready; namespaces, config and workloads present and ready"
}

kafka() {
  kc -n platform get pod "$CA4_KAFKA_POD" >/dev/null 2>&1 \
    || die "Kafka pod $CA4_KAFKA_POD is missing in namespace platform: run 'make ca4-deploy-edge' (or check 'kubectl -n platform get pods')."
  kc -n platform wait --for=condition=Ready "pod/$CA4_KAFKA_POD" --timeout=60s >/dev/null \
    || die "Kafka pod $CA4_KAFKA_POD is not Ready: see 'kubectl -n platform describe pod $CA4_KAFKA_POD'."
  local topics
  topics=$(kc -n platform exec "$CA4_KAFKA_POD" -- "$CA4_KAFKA_BIN/kafka-topics.sh" --bootstrap-server localhost:9092 --list) \
    || die "Could not list the Kafka topics in $CA4_KAFKA_POD (CA4_KAFKA_BIN=$CA4_KAFKA_BIN)."
  for topic in gpu-metadata gpu-metadata-dlq; do
    grep -qx "$topic" <<<"$topics" || die "Kafka topic $topic does not exist: check the topic job in namespace platform."
  done
  kc -n platform exec "$CA4_KAFKA_POD" -- "$CA4_KAFKA_BIN/kafka-topics.sh" --bootstrap-server localhost:9092 --describe --topic gpu-metadata
  kc -n platform exec "$CA4_KAFKA_POD" -- "$CA4_KAFKA_BIN/kafka-consumer-groups.sh" --bootstrap-server localhost:9092 --describe --group ca4-worker \
    || info "consumer group ca4-worker has no members yet (the worker is not running or has not polled)"
  info "Kafka broker Ready; topics gpu-metadata and gpu-metadata-dlq exist"
}

db() {
  local name="ca4-db-check-$RANDOM" overrides
  overrides=$(python3 - "$name" "$CA4_MONGOSH_IMAGE" <<'PY'
import json, sys
name, image = sys.argv[1], sys.argv[2]
script = (
    "const id = 'ca4-verify-' + Date.now();"
    "const v = db.getSiblingDB('ca4').ca4_verify;"
    "v.insertOne({_id: id, at: new Date()});"
    "if (!v.findOne({_id: id})) { throw new Error('inserted document not found'); }"
    "v.deleteOne({_id: id});"
    "print('insert/read/delete OK; ca4.gpu_metadata holds ' + db.getSiblingDB('ca4').gpu_metadata.countDocuments({}) + ' documents');"
)
print(json.dumps({"spec": {
    "restartPolicy": "Never",
    "containers": [{
        "name": name, "image": image,
        "command": ["sh", "-c", 'exec mongosh --quiet "$CA4_MONGO_URI" --tlsCAFile /etc/ca4/mongo/ca.pem --eval "$0"', script],
        "envFrom": [{"secretRef": {"name": "ca4-mongo-credentials"}}],
        "volumeMounts": [{"name": "ca", "mountPath": "/etc/ca4/mongo", "readOnly": True}],
        # Namespace app enforces Pod Security "restricted" (k8s/platform/base/namespaces).
        "securityContext": {"allowPrivilegeEscalation": False, "runAsNonRoot": True, "runAsUser": 999,
                            "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}},
    }],
    "volumes": [{"name": "ca", "secret": {"secretName": "ca4-mongo-credentials", "items": [{"key": "ca.pem", "path": "ca.pem"}]}}],
}}))
PY
)
  info "inserting and reading a document in DocumentDB from a $CA4_MONGOSH_IMAGE pod in namespace app"
  # The label lets it through the app namespace's NetworkPolicies to DocumentDB (k8s/app/overlays/aws).
  kc -n app run "$name" --rm -i --quiet --restart=Never --image="$CA4_MONGOSH_IMAGE" --overrides="$overrides" \
    --labels=app.kubernetes.io/name=ca4-db-check \
    --pod-running-timeout=180s \
    || die "The DocumentDB check failed: see the mongosh output above (endpoint, credentials, TLS, or the security group)."
}

# forward VAR SVC PORT: port-forward svc/SVC:PORT in namespace app to a free local port, stored in VAR.
# (Not run in $(...): the kubectl process must stay a child of this shell so the EXIT trap ends it.)
FORWARD_PIDS=()
forward() {
  local var=$1 svc=$2 port=$3 log local_port=""
  log=$(mktemp)
  kc -n app port-forward "svc/$svc" ":$port" >"$log" 2>&1 &
  FORWARD_PIDS+=("$!")
  for _ in $(seq 1 50); do
    local_port=$(sed -n 's/^Forwarding from 127.0.0.1:\([0-9]*\) .*/\1/p' "$log" | head -n1)
    [ -n "$local_port" ] && break
    sleep 0.2
  done
  [ -n "$local_port" ] || { cat "$log" >&2; rm -f "$log"; die "Could not port-forward to svc/$svc in namespace app: is it deployed ('make ca4-deploy-app')?"; }
  rm -f "$log"
  printf -v "$var" '%s' "$local_port"
}

stop_forwards() {
  local pid
  for pid in "${FORWARD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}

e2e() {
  trap stop_forwards EXIT
  local api="" worker="" event_id body status before after stored
  forward api "$CA4_PROCESSOR_SVC" "$CA4_PROCESSOR_PORT"
  forward worker "$CA4_WORKER_SVC" "$CA4_WORKER_PORT"
  event_id=$(python3 -c 'import uuid; print(uuid.uuid4())')
  body=$(python3 - "$event_id" <<'PY'
import datetime, json, sys
print(json.dumps({
    "schema_version": "1", "event_id": sys.argv[1],
    "produced_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    "source": {"producer": "ca4-verify-e2e", "run_id": "make", "host": "operator"},
    "image": {"id": "ca4-verify-e2e.jpg", "content_type": "image/jpeg"},
    "model": {"name": "resnet50", "weights": "imagenet", "framework": "verify"},
    "embedding": {"dim": 4, "values": [0.1, 0.2, 0.3, 0.4]},
    "gpu": {"backend": "cpu", "name": "verify", "count": 0},
    "tags": {"check": "ca4-verify-e2e"},
}))
PY
)
  before=$(curl -fsS "http://127.0.0.1:$worker/stats" 2>/dev/null || echo '{}')
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$api/metadata" \
    -H 'Content-Type: application/json' -H "X-API-Key: $(cat "$CA4_STATE_DIR/api-key")" --data "$body") || status=000
  [ "$status" = 202 ] || die "POST /metadata answered $status instead of 202: see 'kubectl -n app logs deploy/$CA4_PROCESSOR_SVC'."
  info "processor accepted event $event_id (202); waiting for the worker to store it"
  stored=""
  for _ in $(seq 1 "$CA4_E2E_TIMEOUT"); do
    if stored=$(curl -fsS "http://127.0.0.1:$worker/documents/$event_id" 2>/dev/null); then break; fi
    stored=""; sleep 1
  done
  [ -n "$stored" ] || die "Event $event_id was not stored within ${CA4_E2E_TIMEOUT}s: check 'make ca4-verify-kafka' and the worker logs."
  info "worker stored $event_id in ca4.gpu_metadata"
  after=$(curl -fsS "http://127.0.0.1:$worker/stats" 2>/dev/null || echo '{}')
  echo "stats before: $before"
  echo "stats after:  $after"
  if kc -n app logs "deploy/$CA4_WORKER_SVC" --since=5m 2>/dev/null | grep -q "$event_id"; then
    info "worker log mentions $event_id"
  else
    die "The worker log does not mention $event_id: check the worker's logging (kubectl -n app logs deploy/$CA4_WORKER_SVC)."
  fi
  local bucket
  bucket=$(tf_out s3_bucket_name)
  if [ -n "$bucket" ] && command -v aws >/dev/null 2>&1; then
    if aws s3 ls "s3://$bucket/raw/" --recursive 2>/dev/null | grep -q "$event_id"; then
      info "raw event archived in s3://$bucket/raw/"
    else
      info "no raw/…/$event_id.json in s3://$bucket seen from here (archive off, not written yet, or no AWS credentials here)"
    fi
  fi
  info "end to end OK: POST /metadata -> Kafka -> worker -> DocumentDB; in Grafana (make tunnel-grafana, http://127.0.0.1:${CA4_GRAFANA_TUNNEL_PORT:-3000}) the ingest and stored rates show the event"
}

case "${1:-}" in
  preflight) preflight ;;
  kafka) kafka ;;
  db) db ;;
  e2e) e2e ;;
  *) die "usage: verify.sh preflight|kafka|db|e2e" ;;
esac
