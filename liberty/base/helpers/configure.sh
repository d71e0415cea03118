#!/bin/sh
# configure.sh of the local base image (liberty/base/Containerfile). The official image warms OpenJ9's shared
# class cache here, and its warm-up start expands the applications. This base runs HotSpot (Debian's OpenJDK 17),
# which has no such cache, so it checks that the server has its configuration and application and replaces each
# WAR in /config/apps by a directory of the same name holding its contents, which Liberty deploys as it is: at
# run time the root file system is read-only (the Kubernetes manifests), and Liberty's autoExpand would try to
# (re)write /config/apps/expanded there on every start. /config and /output stay
# group-writable for an arbitrary uid in group 0 (as OpenShift runs images).
set -eu
[ -f /config/server.xml ] || { echo "configure.sh: no /config/server.xml: COPY the server config first" >&2; exit 1; }
ls /config/apps/*.war >/dev/null 2>&1 || ls /config/dropins/* >/dev/null 2>&1 \
  || { echo "configure.sh: no application in /config/apps or /config/dropins" >&2; exit 1; }
for war in /config/apps/*.war; do
  [ -f "$war" ] || continue
  unzip -q "$war" -d "$war.dir" && rm "$war" && mv "$war.dir" "$war"
done
chmod -R g+rwX /opt/ol/wlp/usr/servers/defaultServer /opt/ol/wlp/output 2>/dev/null || true
echo "configure.sh: /config has server.xml and $(ls /config/apps /config/dropins 2>/dev/null | grep -c '\.war$') application(s), expanded"
