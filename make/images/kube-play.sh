#!/usr/bin/env bash
# The last part of make test-images: the processor and worker Deployments of k8s/app/overlays/local, with their
# ConfigMaps and Secrets, run by `podman kube play` against the local stack test-images started. The spec is
# changed only where podman or the missing cluster require it (kube_play_spec.py prints each change). Checks:
# the init container ran, the env from the Secrets and ConfigMap is set, the keystore is mounted where the
# Secret would be and served, uid 1001 and the read-only root, each probe answers as written (podman runs no probes without
# systemd, so this script calls them), and events sent to the pods are stored.
# Not covered, because they need a cluster: Services, NetworkPolicies, the HPA, the PDB and the Ingress.
# Usage: kube-play.sh TAG STACK_HOME PREFIX (make test-images calls it; the stack must be running). Each probe gets
# the time its manifest gives it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. make/images/lib.sh
. k8s/tests/tools.sh
TAG=$1 TEST_HOME=$2 PREFIX=$3
images_podman_setup
KUBECTL=$(tools_kubectl) || images_fail "no kubectl"
work="$TEST_HOME/kube-play"
rm -rf "$work"; mkdir -p "$work"

"$KUBECTL" kustomize k8s/app/overlays/local > "$work/local.yaml"
"$KUBECTL" kustomize k8s/app/base > "$work/base.yaml"
for s in processor worker; do
  grep -q "image: ca4.local/$s:$TAG" "$work/local.yaml" || images_fail "k8s/app/overlays/local does not deploy ca4.local/$s:$TAG"
  podman image exists "ca4.local/$s:$TAG" || images_fail "no image ca4.local/$s:$TAG for kube play: run make images first"
done
# The keystore the aws overlay mounts from ca4-liberty-tls, with the local Secret's keystore password.
password=$(python3 -c 'import base64, sys, yaml
for d in yaml.safe_load_all(open(sys.argv[1])):
    if d and d["kind"] == "Secret" and d["metadata"]["name"] == "ca4-liberty":
        print(base64.b64decode(d["data"]["CA4_KEYSTORE_PASSWORD"]).decode())' "$work/local.yaml")
images_keystore "$work/tls" "$password"
python3 make/images/kube_play_spec.py "$work/local.yaml" "$work/base.yaml" "$work/tls" "$PREFIX" "$work"

cleanup_play() {
  podman kube down "$work/play.yaml" >/dev/null 2>&1 || true
  { podman pod ls --format '{{.Name}}' | grep "^$PREFIX-" || true; } | xargs -r podman pod rm -f >/dev/null 2>&1 || true
  for f in "$work"/secrets/*.json; do podman secret rm "$(basename "$f" .json)" >/dev/null 2>&1 || true; done
  { podman volume ls --format '{{.Name}}' | grep "^$PREFIX-" || true; } | xargs -r podman volume rm -f >/dev/null 2>&1 || true
}
trap cleanup_play EXIT
stale=$(podman pod ls --format '{{.Name}}' | grep "^$PREFIX-" || true)
if [ -n "$stale" ]; then echo "removing the pod(s) an earlier run left: $(echo $stale)"; podman pod rm -f $stale >/dev/null; fi
for f in "$work"/secrets/*.json; do
  name=$(basename "$f" .json)
  if podman secret inspect "$name" >/dev/null 2>&1; then
    echo "removing the podman secret $name an earlier run left"; podman secret rm "$name" >/dev/null
  fi
done
for f in "$work"/secrets/*.json; do podman secret create "$(basename "$f" .json)" "$f" >/dev/null; done

t=$(date +%s)
podman kube play "$work/play.yaml" > "$work/play.log" 2>&1 || { cat "$work/play.log"; images_fail "podman kube play failed"; }
echo "ok: podman kube play started $(python3 -c 'import json,sys; print(", ".join(p["pod"] for p in json.load(open(sys.argv[1])).values()))' "$work/pods.json")"

# Each probe as written: the startup probe within periodSeconds x failureThreshold, then readiness and liveness.
python3 - "$work/pods.json" <<'PY' || images_fail "a probe did not answer as the manifest expects"
import json, sys, time, urllib.request
pods = json.load(open(sys.argv[1]))
def status(port, path):
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).status
    except Exception as e:
        return getattr(e, "code", -1)
# readiness and liveness are timed from the moment the startup probe passed, as Kubernetes starts them then
t0 = time.time()  # kube play has just returned: both pods started
for name, pod in pods.items():
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        p = pod["probes"][probe]
        allowed = p["period"] * p["failures"]
        start = time.time()
        while status(p["port"], p["path"]) != 200:
            if time.time() - start > allowed:
                sys.exit(f"{name}: {probe} {p['path']} on {p['port']} not 200 within {allowed} s")
            time.sleep(1)
        print(f"ok: {name} {probe} GET :{p['port']}{p['path']} 200, {time.time() - t0:.0f} s after kube play "
              f"(the manifest allows {allowed} s)")
PY

for s in processor worker; do
  pod=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["pod"])' "$work/pods.json" "$s")
  c="$pod-$s"
  init_status=$(podman ps -a --filter "name=^$pod-output\$" --format '{{.Status}}')
  [[ "$init_status" == Exited\ \(0\)* ]] || images_fail "$s: the init container 'output' did not exit 0 ($init_status)"
  [ "$(podman exec "$c" id -u)" = 1001 ] || images_fail "$s: not uid 1001 as securityContext.runAsUser says"
  if podman exec "$c" sh -c 'touch /opt/ol/wlp/lib/x' 2>/dev/null; then images_fail "$s: the root file system is writable"; fi
  podman exec "$c" sh -c 'test -s /etc/ca4/tls/key.p12 && test -n "$CA4_KEYSTORE_PASSWORD" && test -n "$CA4_ADMIN_PASSWORD"' \
    || images_fail "$s: the keystore Secret or the ca4-liberty Secret's env is missing"
  env_kafka=$(podman exec "$c" printenv MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS)
  [ "$env_kafka" = 127.0.0.1:9092 ] || images_fail "$s: Kafka bootstrap env is '$env_kafka'"
  https=$([ $s = processor ] && echo 9443 || echo 9444)
  served=$(echo | openssl s_client -connect "127.0.0.1:$https" 2>/dev/null | openssl x509 -noout -fingerprint -sha256)
  [ "$served" = "$(openssl x509 -in "$work/tls/cert.pem" -noout -fingerprint -sha256)" ] \
    || images_fail "$s: HTTPS does not serve the keystore of the mounted Secret"
  echo "ok: $s: init container exited 0, uid 1001, read-only root, env from its Secrets and ConfigMap, the mounted keystore served on $https"
done
[ "$(podman exec "$PREFIX-worker-pod-0-worker" printenv CA4_ARCHIVE_ENABLED)" = false ] \
  || images_fail "worker: CA4_ARCHIVE_ENABLED from the ConfigMap ca4-s3-config is not set"
[ "$(podman exec "$PREFIX-worker-pod-0-worker" printenv CA4_MONGO_URI)" = mongodb://127.0.0.1:27017 ] \
  || images_fail "worker: CA4_MONGO_URI from the Secret ca4-mongo-credentials is not set"

# The overlay's API key (its Secret holds only the sha256 of ca4-local-cluster-key).
java -cp demo-client/target/demo-client.jar dev.ca4.demo.SendSamples --api http://localhost:9080 --worker http://localhost:9081 \
  --api-key ca4-local-cluster-key --count 20 --dim 2048 --timeout-seconds 120 \
  || images_fail "events sent to the kube-played processor were not all stored by the kube-played worker"
echo "ok: kube play of k8s/app/overlays/local in $(( $(date +%s) - t )) s"
