#!/usr/bin/env bash
# make images: ca4.local/processor, ca4.local/worker and ca4.local/search (tag: the project version) from
# liberty/*/Containerfile.
# With a Docker engine that answers, docker build on the official Open Liberty base (the Containerfiles' default).
# Without one, podman builds them on the local base of make base-image (built first, cached), unless
# CA4_LIBERTY_IMAGE names another base that podman has. Needs the build output (make images runs make build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
TAG=${1:?usage: images.sh TAG}
DOCKER=${DOCKER:-docker}
started=$(date +%s)

if command -v "$DOCKER" >/dev/null 2>&1 && "$DOCKER" info >/dev/null 2>&1; then
  for s in processor worker search; do
    "$DOCKER" build -f liberty/$s/Containerfile --build-arg VERSION="$TAG" \
      ${CA4_LIBERTY_IMAGE:+--build-arg LIBERTY_IMAGE="$CA4_LIBERTY_IMAGE"} -t ca4.local/$s:"$TAG" .
  done
  exit 0
fi

. make/images/lib.sh
echo "images: no Docker engine answers ('$DOCKER info'); building with podman"
if [ -z "${CA4_LIBERTY_IMAGE:-}" ]; then
  bash make/images/base-image.sh
  CA4_LIBERTY_IMAGE=$LOCAL_LIBERTY_IMAGE
else
  images_podman_setup
  podman image exists "$CA4_LIBERTY_IMAGE" || images_fail "CA4_LIBERTY_IMAGE=$CA4_LIBERTY_IMAGE: podman has no such image"
fi
for s in processor worker search; do
  t=$(date +%s)
  podman build --quiet --layers -f liberty/$s/Containerfile --build-arg VERSION="$TAG" \
    --build-arg LIBERTY_IMAGE="$CA4_LIBERTY_IMAGE" -t ca4.local/$s:"$TAG" . >/dev/null \
    || images_fail "podman build of liberty/$s/Containerfile failed (run it without --quiet to see why)"
  echo "images: ca4.local/$s:$TAG on $CA4_LIBERTY_IMAGE ($(images_size ca4.local/$s:"$TAG")) in $(( $(date +%s) - t )) s"
done
echo "images: done in $(( $(date +%s) - started )) s"
