#!/usr/bin/env bash
# make test-images: both images of make images, started with podman the way the Kubernetes manifests run them,
# against a local stack of their own (.local/images-test). The checks, in order:
#   1. preconditions   the images exist; no stale container of an earlier run; ports 9080/9081/9443/9444 free
#   2. start           the keystore Secret's stand-in (a keytool key.p12 mounted read-only), the init container
#                      that copies /opt/ol/wlp/output into a volume, then each server: ready within the bound
#   3. security        the server JVM runs as uid 1001, the root file system is read-only, no capability kept
#   4. load + SIGTERM  chaos over HTTPS (the containers' own certificate): podman stop (SIGTERM) of the worker,
#                      then a podman stop + start of the processor, under a steady load: every accepted event
#                      stored once and archived once, nothing refused stored
#   5. logs            every line on stdout is JSON, but the launcher's banner and one JVM notice at each start
#   6. kube play       make/images/kube-play.sh: the pod specs of k8s/app/overlays/local (CA4_IMAGES_KUBE=0 skips)
# Everything it started is removed at the end, whatever happened.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. make/images/lib.sh
TAG=${1:?usage: test-images.sh TAG}
TEST_HOME=${CA4_IMAGES_TEST_HOME:-.local/images-test}
READY_BOUND=${CA4_IMAGES_READY_SECONDS:-120}
STACK=(java -jar local-stack/target/local-stack.jar)
PREFIX=ca4-test
started=$(date +%s)
section() { printf '\n=== test-images: %s\n' "$*"; }

images_podman_setup
set -a; . ./local.env; . .local/secrets.env; set +a

section "1/6 preconditions"
for s in processor worker; do
  podman image exists "ca4.local/$s:$TAG" || images_fail "no image ca4.local/$s:$TAG: run make images first"
  echo "ca4.local/$s:$TAG: $(images_size "ca4.local/$s:$TAG")"
done
stale=$(podman ps -a --format '{{.Names}}' | grep "^$PREFIX-" || true)
if [ -n "$stale" ]; then
  echo "removing the container(s) an earlier run left: $(echo $stale)"
  podman rm -f $stale >/dev/null
fi
{ podman volume ls --format "{{.Name}}" | grep "^$PREFIX-" || true; } | xargs -r podman volume rm -f >/dev/null
for port in 9080 9081 9443 9444; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    images_fail "port $port is taken (make stop stops make run's servers): the containers use the host's network and its fixed ports"
  fi
done

cleanup() {
  local rc=$?
  podman ps -a --format '{{.Names}}' | grep "^$PREFIX-" | xargs -r podman rm -f -t 5 >/dev/null 2>&1 || true
  podman volume ls --format '{{.Name}}' | grep "^$PREFIX-" | xargs -r podman volume rm -f >/dev/null 2>&1 || true
  "${STACK[@]}" stop --home "$TEST_HOME" >/dev/null 2>&1 || true
  [ $rc = 0 ] && echo "test-images: passed in $(( $(date +%s) - started )) s" || echo "test-images: FAILED" >&2
}
trap cleanup EXIT
"${STACK[@]}" stop --home "$TEST_HOME" >/dev/null   # one an interrupted run left: its data is about to go
rm -rf "$TEST_HOME/data"
"${STACK[@]}" start --home "$TEST_HOME"

section "2/6 start both images"
# The keystore Secret ca4-liberty-tls of the aws overlay, mounted read-only, and a truststore of its certificate.
tls="$TEST_HOME/tls"
rm -rf "$tls"
images_keystore "$tls" "$CA4_KEYSTORE_PASSWORD"
keytool -importcert -noprompt -alias ca4 -file "$tls/cert.pem" -keystore "$tls/truststore.p12" -storetype PKCS12 \
  -storepass changeit 2>/dev/null

declare -A PORT=([processor]=9080 [worker]=9081) HTTPS=([processor]=9443 [worker]=9444)
for s in processor worker; do
  name=$PREFIX-$s
  podman volume create "$name-output" >/dev/null
  # the manifests' init container: the image's warmed /opt/ol/wlp/output into the writable volume
  podman run --rm --name "$name-init" --read-only --cap-drop ALL --security-opt no-new-privileges \
    -v "$name-output:/mnt/output" "ca4.local/$s:$TAG" sh -c 'cp -a /opt/ol/wlp/output/. /mnt/output/'
  # the manifests' container: read-only root, writable output/logs/tmp, no capability, env from local.env and
  # the secrets as the ConfigMap/Secrets give it, the stack reached on the host's network
  podman create --name "$name" --network host --read-only --cap-drop ALL --security-opt no-new-privileges \
    -v "$name-output:/opt/ol/wlp/output" --tmpfs /logs --tmpfs /tmp \
    -v "$PWD/$tls/key.p12:/etc/ca4/tls/key.p12:ro" -e CA4_KEYSTORE_LOCATION=/etc/ca4/tls/key.p12 \
    --env-file local.env --env-file .local/secrets.env \
    -e MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 \
    "ca4.local/$s:$TAG" >/dev/null
done
for s in processor worker; do
  t=$(date +%s)
  podman start "$PREFIX-$s" >/dev/null
  until curl -fs -m 5 "http://127.0.0.1:${PORT[$s]}/health/ready" >/dev/null; do
    if [ $(( $(date +%s) - t )) -ge "$READY_BOUND" ]; then
      podman logs --tail 20 "$PREFIX-$s" >&2 || true
      images_fail "$s: not ready within $READY_BOUND s ($(curl -s -m 5 "http://127.0.0.1:${PORT[$s]}/health/ready"))"
    fi
    sleep 1
  done
  echo "ok: $s ready in $(( $(date +%s) - t )) s (bound $READY_BOUND s)"
done

section "3/6 security"
for s in processor worker; do
  name=$PREFIX-$s
  pid=$(podman inspect --format '{{.State.Pid}}' "$name")
  java_uid=$(ps -o uid= -p "$(pgrep -P "$pid" -f 'ws-server.jar' || echo "$pid")" | tr -d ' ')
  [ "$(podman exec "$name" id -u)" = 1001 ] && [ "$java_uid" = 1001 ] \
    || images_fail "$s runs as uid $java_uid, not 1001"
  [ "$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$name")" = true ] \
    || images_fail "$s: the root file system is writable"
  if podman exec "$name" sh -c 'touch /opt/ol/wlp/lib/x' 2>/dev/null; then images_fail "$s: could write into /opt/ol/wlp/lib"; fi
  caps=$(podman exec "$name" sh -c 'grep CapEff /proc/1/status' | awk '{print $2}')
  [ "$caps" = 0000000000000000 ] || images_fail "$s keeps capabilities $caps"
  # HTTPS serves the mounted keystore's certificate
  served=$(echo | openssl s_client -connect "127.0.0.1:${HTTPS[$s]}" 2>/dev/null | openssl x509 -noout -fingerprint -sha256)
  [ "$served" = "$(openssl x509 -in "$tls/cert.pem" -noout -fingerprint -sha256)" ] \
    || images_fail "$s: HTTPS does not serve the mounted keystore's certificate"
  echo "ok: $s runs as uid 1001 (java too), read-only root, no capabilities, HTTPS with the mounted keystore"
done

section "4/6 steady load over HTTPS, SIGTERM (podman stop) of each"
java -Xmx512m -Djavax.net.ssl.trustStore="$tls/truststore.p12" -Djavax.net.ssl.trustStorePassword=changeit \
  -jar chaos/target/chaos.jar chaos --quick --archive --scenarios worker-stop,processor-restart \
  --api https://localhost:9443 --worker https://localhost:9444 \
  --processor-container "$PREFIX-processor" --worker-container "$PREFIX-worker" \
  --stack-home "$TEST_HOME" --results-dir "$TEST_HOME/results" \
  || images_fail "an event was lost, duplicated or stored though refused while the containers were stopped (above)"

section "5/6 JSON logs"
for s in processor worker; do
  podman logs "$PREFIX-$s" 2>&1 | python3 -c '
import json, sys
# Not JSON, at each start: the launcher banner and the JVM notice about class sharing (Liberty appends to the
# boot class path), both written before Liberty logging starts. Anything else must be a JSON record.
ALLOWED = ("Launching defaultServer ", "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes")
name, seen = sys.argv[1], 0
for n, line in enumerate(sys.stdin, 1):
    line = line.strip()
    if not line or line.startswith(ALLOWED):
        continue
    try:
        record = json.loads(line)
    except ValueError:
        sys.exit(f"{name}: line {n} of its log is not JSON: {line[:120]}")
    seen += 1
    if record.get("type") is None:
        sys.exit(f"{name}: line {n} is JSON without a type: {line[:120]}")
if seen < 10:
    sys.exit(f"{name}: only {seen} JSON lines")
print(f"ok: {name} wrote {seen} JSON lines on stdout, nothing else but the launcher banner and the JVM notice")
' "$s" || images_fail "$s: logs are not JSON"
done
for s in processor worker; do podman rm -f -t 30 "$PREFIX-$s" >/dev/null; done

section "6/6 kube play of k8s/app/overlays/local"
if [ "${CA4_IMAGES_KUBE:-1}" = 0 ]; then
  echo "skipped (CA4_IMAGES_KUBE=0)"
else
  bash make/images/kube-play.sh "$TAG" "$TEST_HOME" "$PREFIX"
fi
