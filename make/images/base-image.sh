#!/usr/bin/env bash
# make base-image: the local Open Liberty base (liberty/base/Containerfile) for machines without a registry.
#   1. a Debian bookworm root file system with OpenJDK 17's JRE (mmdebstrap from Debian's packages), imported as
#      localhost/ca4/debian-jre17:bookworm
#   2. the build's Open Liberty runtime, minified (server package --include=minify) to the features of
#      liberty/config/ca4-common.xml
#   3. podman build of liberty/base/Containerfile on both: localhost/ca4/open-liberty:<version>-debian-jre17
# Each step is skipped when its inputs are unchanged (stamps under .local/images), so a second run takes seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. make/images/lib.sh
images_podman_setup
started=$(date +%s)

DEBIAN_MIRROR=${CA4_DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_SECURITY_MIRROR=${CA4_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# unzip: configure.sh expands the WARs at build time (the root file system is read-only at run time).
PACKAGES=ca-certificates,netbase,openjdk-17-jre-headless,unzip
stamp_of() { printf '%s\n' "$@" | sha256sum | cut -c1-16; }

# 1. Debian + JRE. Documentation, manual pages and translations are left out; copyright files stay (the JRE's
#    postinst registers its man pages with update-alternatives, which needs /usr/share/man/man1 to exist).
recipe=$(stamp_of bookworm "$PACKAGES" "$DEBIAN_MIRROR" "$DEBIAN_SECURITY_MIRROR" v1)
have=$(podman image inspect --format '{{index .Labels "dev.ca4.recipe"}}' "$DEBIAN_JRE_IMAGE" 2>/dev/null || true)
if [ "$have" = "$recipe" ]; then
  echo "base-image 1/3: $DEBIAN_JRE_IMAGE is up to date"
else
  t=$(date +%s)
  rootfs="$IMAGES_HOME/debian-jre17-bookworm.tar"
  echo "base-image 1/3: mmdebstrap bookworm + $PACKAGES (about a minute)"
  mmdebstrap --quiet --format=tar --variant=apt --include="$PACKAGES" \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    bookworm "$rootfs.tmp" "deb $DEBIAN_MIRROR bookworm main" "deb $DEBIAN_MIRROR bookworm-updates main" \
    "deb $DEBIAN_SECURITY_MIRROR bookworm-security main" || images_fail "mmdebstrap failed (is $DEBIAN_MIRROR reachable?)"
  mv "$rootfs.tmp" "$rootfs"
  podman import --quiet --change "LABEL dev.ca4.recipe=$recipe" --change 'CMD ["/bin/bash"]' \
    "$rootfs" "$DEBIAN_JRE_IMAGE" >/dev/null
  rm -f "$rootfs"
  echo "base-image 1/3: $DEBIAN_JRE_IMAGE built in $(( $(date +%s) - t )) s"
fi

# 2. The runtime the build installed (liberty-maven-plugin, openliberty-runtime), minified to our features.
WLP=processor-war/target/liberty/wlp
[ -x "$WLP/bin/server" ] || images_fail "no $WLP: run make build first (make images does)"
context="$IMAGES_HOME/base/context"
features=$(sed -n '/<featureManager>/,/<\/featureManager>/p' liberty/config/ca4-common.xml)
runtime_stamp=$(stamp_of "$OPENLIBERTY_VERSION" "$features" "$(cat liberty/base/helpers/*)")
if [ -f "$context/.stamp" ] && [ "$(cat "$context/.stamp")" = "$runtime_stamp" ]; then
  echo "base-image 2/3: the minified runtime is up to date"
else
  t=$(date +%s)
  work=$(mktemp -d /tmp/ca4-base-image.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/usr/servers/ca4base"
  printf '<server>\n%s\n</server>\n' "$features" > "$work/usr/servers/ca4base/server.xml"
  WLP_USER_DIR="$work/usr" WLP_OUTPUT_DIR="$work/output" "$WLP/bin/server" package ca4base --include=minify \
    --archive="$work/wlp.zip" > "$work/package.log" 2>&1 || { tail -20 "$work/package.log"; images_fail "server package --include=minify failed"; }
  rm -rf "$context"; mkdir -p "$context"
  (cd "$context" && unzip -q "$work/wlp.zip")
  rm -rf "$context/wlp/usr"
  cp -r liberty/base/helpers "$context/helpers"
  echo "$runtime_stamp" > "$context/.stamp"
  echo "base-image 2/3: Open Liberty $OPENLIBERTY_VERSION minified to $(grep -c '<feature>' <<<"$features") features ($(du -sm "$context/wlp" | cut -f1) MB) in $(( $(date +%s) - t )) s"
fi

# 3. The base itself; podman's layer cache makes an unchanged rebuild a no-op.
t=$(date +%s)
podman build --quiet --layers -f liberty/base/Containerfile --build-arg DEBIAN_JRE_IMAGE="$DEBIAN_JRE_IMAGE" \
  --build-arg OPENLIBERTY_VERSION="$OPENLIBERTY_VERSION" -t "$LOCAL_LIBERTY_IMAGE" "$context" >/dev/null \
  || images_fail "podman build of liberty/base/Containerfile failed"
echo "base-image 3/3: $LOCAL_LIBERTY_IMAGE ($(images_size "$LOCAL_LIBERTY_IMAGE")) in $(( $(date +%s) - t )) s"
echo "base-image: done in $(( $(date +%s) - started )) s"
