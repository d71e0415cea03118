#!/bin/sh
# features.sh of the local base image (liberty/base/Containerfile). The official kernel-slim image installs here
# the features /config/server.xml names; this base was built with them already installed (make base-image
# minifies the runtime to the features of liberty/config/ca4-common.xml), so it checks that each named feature
# is present and names any that is not, instead of failing later at server start.
# CONFIG_DIR and WLP_DIR default to the image's layout (the unit test runs it on a tree of its own).
set -eu
CONFIG_DIR=${CONFIG_DIR:-/config}
WLP_DIR=${WLP_DIR:-/opt/ol/wlp}
missing=""
for f in $(cat "$CONFIG_DIR"/*.xml "$CONFIG_DIR"/configDropins/*/*.xml 2>/dev/null \
           | sed -n 's:.*<feature>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</feature>.*:\1:p' | sort -u); do
  # a feature's manifest names it by its short name (IBM-ShortName: restfulWS-3.1)
  if ! grep -qil "^IBM-ShortName: *${f}[[:space:]]*\$" "$WLP_DIR"/lib/features/*.mf; then
    missing="$missing $f"
  fi
done
if [ -n "$missing" ]; then
  echo "features.sh: this local base image lacks the feature(s)$missing that /config names: add them to" \
       "liberty/config/ca4-common.xml and run make base-image again (or build on the official base)." >&2
  exit 1
fi
echo "features.sh: every feature /config names is installed"
