#!/bin/sh
# configure.sh of the local base image (liberty/base/Containerfile). The official image warms OpenJ9's shared
# class cache here, and its warm-up start expands the applications. This base runs HotSpot (Debian's OpenJDK 17),
# which has no such cache, so it checks that the server has its configuration and application and replaces each
# WAR in /config/apps by a directory of the same name holding its contents, which Liberty deploys as it is: at
# run time the root file system is read-only (the Kubernetes manifests), and Liberty's autoExpand would try to
# (re)write /config/apps/expanded there on every start. /config and /output stay
# group-writable for an arbitrary uid in group 0 (as OpenShift runs images).
# CONFIG_DIR and WLP_DIR default to the image's layout (the unit test runs it on a tree of its own).
set -eu
CONFIG_DIR=${CONFIG_DIR:-/config}
WLP_DIR=${WLP_DIR:-/opt/ol/wlp}
[ -f "$CONFIG_DIR/server.xml" ] || { echo "configure.sh: no /config/server.xml: COPY the server config first" >&2; exit 1; }
ls "$CONFIG_DIR"/apps/*.war >/dev/null 2>&1 || ls "$CONFIG_DIR"/dropins/* >/dev/null 2>&1 \
  || { echo "configure.sh: no application in /config/apps or /config/dropins" >&2; exit 1; }
for war in "$CONFIG_DIR"/apps/*.war; do
  [ -f "$war" ] || continue
  unzip -q "$war" -d "$war.dir" && rm "$war" && mv "$war.dir" "$war"
done
chmod -R g+rwX "$CONFIG_DIR/" "$WLP_DIR/output" 2>/dev/null || true
apps=0
for app in "$CONFIG_DIR"/apps/*.war "$CONFIG_DIR"/dropins/*.war; do [ -e "$app" ] && apps=$((apps + 1)); done
echo "configure.sh: /config has server.xml and $apps application(s), expanded"
