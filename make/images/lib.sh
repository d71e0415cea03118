# shellcheck shell=bash disable=SC2034  # sourced: the names are used by the scripts that source it
# Shared by make/images/*.sh: podman's settings for this kind of machine and the names of the images.
# Sourced with the repository root as the working directory (docs/containers.md explains the choices).

IMAGES_HOME=${CA4_IMAGES_HOME:-.local/images}
OPENLIBERTY_VERSION=$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' pom.xml)
DEBIAN_JRE_IMAGE=localhost/ca4/debian-jre17:bookworm
LOCAL_LIBERTY_IMAGE=localhost/ca4/open-liberty:${OPENLIBERTY_VERSION}-debian-jre17

images_fail() { printf '%s: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# podman, runc and mmdebstrap from Debian when missing (as make test installs its other packages), then a
# containers.conf for them: crun cannot run on this machine's hybrid cgroups (runc can, with cgroupfs), and
# podman's default open-files limit is above the machine's hard limit, so containers get limits within it.
images_podman_setup() {
  local need=""
  command -v podman >/dev/null 2>&1 || need="$need podman"
  command -v runc >/dev/null 2>&1 || need="$need runc"
  command -v mmdebstrap >/dev/null 2>&1 || need="$need mmdebstrap"
  if [ -n "$need" ]; then
    [ "$(id -u)" = 0 ] || images_fail "needs the Debian package(s)$need; install them (apt-get install$need) or run as root."
    echo "installing$need from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null \
      || images_fail "apt-get install$need failed"
  fi
  [ "$(id -u)" = 0 ] || images_fail "podman runs rootful here (no user namespaces for rootless): run as root."
  mkdir -p "$IMAGES_HOME"
  local nofile nproc
  nofile=$(ulimit -Hn); nproc=$(ulimit -Hu)
  [ "$nofile" = unlimited ] || [ "$nofile" -gt 16384 ] && nofile=16384
  [ "$nproc" = unlimited ] || [ "$nproc" -gt 8192 ] && nproc=8192
  cat > "$IMAGES_HOME/containers.conf" <<CONF
# written by make/images/lib.sh
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  export CONTAINERS_CONF=$PWD/$IMAGES_HOME/containers.conf
}

# images_keystore DIR PASSWORD: DIR/key.p12, a keystore for localhost (what the Secret ca4-liberty-tls holds in a
# cluster), and DIR/cert.pem, its certificate, readable by group 0 as a Secret volume is.
images_keystore() {
  mkdir -p "$1"
  rm -f "$1/key.p12" "$1/cert.pem"
  keytool -genkeypair -alias default -keyalg RSA -keysize 2048 -validity 30 -dname CN=localhost \
    -ext SAN=dns:localhost,ip:127.0.0.1 -storetype PKCS12 -keystore "$1/key.p12" -storepass "$2" 2>/dev/null
  keytool -exportcert -rfc -alias default -keystore "$1/key.p12" -storetype PKCS12 -storepass "$2" \
    -file "$1/cert.pem" 2>/dev/null
  chmod 0644 "$1/key.p12"
}

# The size podman reports for an image, e.g. "412 MB".
images_size() { podman image inspect --format '{{.Size}}' "$1" | awk '{printf "%.0f MB", $1/1e6}'; }
