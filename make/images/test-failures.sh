#!/usr/bin/env bash
# The failure paths of make test-images' scripts, each must end in one clear line and leave nothing running:
#   1. a port the containers need is taken        -> test-images.sh names it, starts nothing
#   2. an image missing for kube play             -> kube-play.sh names it, plays nothing
#   3. a stale container of an earlier run         -> test-images.sh removes it and says so (checked by the main
#                                                    run, which this script primes with such a container)
# Usage: test-failures.sh TAG (run by make test-images before the main run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. make/images/lib.sh
TAG=${1:?usage: test-failures.sh TAG}
images_podman_setup
out=$(mktemp)
listener=""
trap 'rm -f "$out"; [ -z "$listener" ] || kill "$listener" 2>/dev/null || true' EXIT
nothing_left() {
  local left
  left=$(podman ps -a --format '{{.Names}}' | grep '^ca4-test-' || true)
  [ -z "$left" ] || images_fail "$1 left container(s) behind: $left"
  if (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null; then images_fail "$1 left a Kafka broker running"; fi
}

# 1. port 9443 taken by another process
python3 -c 'import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", 9443)); s.listen()
time.sleep(120)' &
listener=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/9443) 2>/dev/null && break; sleep 0.1; done
if bash make/images/test-images.sh "$TAG" >"$out" 2>&1; then images_fail "test-images.sh passed with port 9443 taken"; fi
grep -q "port 9443 is taken" "$out" || { cat "$out"; images_fail "no clear line for the taken port 9443"; }
kill "$listener"; wait "$listener" 2>/dev/null || true; listener=""
nothing_left "a run refused for a taken port"
echo "ok: a taken port: '$(grep -o 'port 9443 is taken[^(]*' "$out" | head -1)', nothing started"

# 2. kube play while the worker's image is missing (its tag removed for the test, put back at once)
worker=$(podman image inspect --format '{{.Id}}' "ca4.local/worker:$TAG")
podman untag "$worker" "ca4.local/worker:$TAG"
rc=0; bash make/images/kube-play.sh "$TAG" .local/images-failures ca4-test >"$out" 2>&1 || rc=$?
podman tag "$worker" "ca4.local/worker:$TAG"
[ $rc != 0 ] || images_fail "kube-play.sh passed without the worker's image"
grep -q "no image ca4.local/worker:$TAG for kube play" "$out" || { cat "$out"; images_fail "no clear line for the missing image"; }
nothing_left "a kube play refused for a missing image"
echo "ok: a missing image: '$(tail -1 "$out")', nothing played"

# 3. a stale container, as an interrupted run leaves one: the main run must remove it and say so
podman create --name ca4-test-processor "ca4.local/processor:$TAG" >/dev/null
echo "ok: primed a stale container ca4-test-processor for the main run"
