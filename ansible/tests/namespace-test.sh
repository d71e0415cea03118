#!/usr/bin/env bash
# Runs playbooks/site.yml for real against test hosts on this machine and checks what it leaves:
#
#   host (controller) --10.213.1.0/24-- bastion --bridge 10.213.2.0/24-- node1 (server), node2, node3
#
# Each host is a network namespace with its own sshd. The nodes have no link to the controller: they
# are reachable only through the bastion (ProxyJump), with host keys checked (StrictHostKeyChecking
# yes). `ip route add unreachable 10.213.0.0/16` on the controller keeps every test address on this
# machine. Each host also gets private copy-on-write views of /etc, /usr/local and /var/lib
# (overlayfs on a tmpfs), so the roles write to the real paths without touching this machine's.
#
# It drives the operator's targets of make/aws.mk: ca4-bootstrap-k3s (inventory and ssh_config from
# the Terraform outputs, then playbooks/site.yml), tunnel-k3s, tunnel-close and ca4-reset-k3s, with
# fixtures/terraform answering `terraform output -json` with the test hosts' addresses. The K3s
# release cannot be downloaded here: the install uses the airgap path with the stand-in in
# fixtures/airgap-standin/, and fixtures/fake-systemd/systemctl plays systemd.
#
# Asserts: the binary, images, config, units and sysctl files on each node; the services running;
# the agents joined the server over the network with the cluster token; the kubeconfig fetched and
# rewritten to https://127.0.0.1:16443; nodes unreachable without the bastion; a wrong host key is
# refused; the second run reports changed=0 on every host; the K3s tunnel forwards through the
# bastion and closes; reset.yml removes it all.
# Everything is torn down on exit, also on failure. Needs root. KEEP=1 keeps the temp folder.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ANSIBLE_DIR=$(dirname "$HERE")
RANGE=10.213.0.0/16
HOST_IP=10.213.1.1
BASTION_IP=10.213.1.10
BRIDGE_IP=10.213.2.1
NODE_IPS=(10.213.2.11 10.213.2.12 10.213.2.13)
NODE_NAMES=(ca4t-k3s-server ca4t-k3s-agent-1 ca4t-k3s-agent-2)
PREFIX=ca4t
LOCK=/run/lock/ca4-ansible-namespace-test.lock

say() { printf '[ansible-test] %s\n' "$*"; }
fail() { printf '[ansible-test] FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf '\n[ansible-test] SKIPPED: %s\n\n' "$*" >&2; exit 0; }

[ "$(id -u)" = 0 ] || skip "the namespace test needs root (network namespaces, mounts); run it as root."
for tool in ip sshd ssh ssh-keygen nsenter ansible-playbook python3; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || fail "$tool is not installed (make test-infra installs it)."
done
SSHD=$(command -v sshd || echo /usr/sbin/sshd)

mkdir -p "$(dirname "$LOCK")"
exec 9>"$LOCK"
flock -n 9 || fail "another namespace test is running (lock $LOCK)."

T=$(mktemp -d /tmp/ca4-ansible-test.XXXXXX)
FS="$T/fs"
CREATED_ROUTE=0
HOST_HAD_RANCHER=0; [ -e /etc/rancher/k3s ] && HOST_HAD_RANCHER=1
HOST_HAD_K3S=0; [ -e /usr/local/bin/k3s ] && HOST_HAD_K3S=1

namespaces() { ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^${PREFIX}-" || true; }

cleanup() {
  local rc=$?
  set +e
  for sock in "$T"/cp/* "$T"/state/tunnel-*.sock; do [ -S "$sock" ] && ssh -o ControlPath="$sock" -O exit dummy >/dev/null 2>&1; done
  for ns in $(namespaces); do
    pids=$(ip netns pids "$ns" 2>/dev/null)
    [ -n "$pids" ] && kill -TERM $pids 2>/dev/null
  done
  sleep 0.3
  for ns in $(namespaces); do
    pids=$(ip netns pids "$ns" 2>/dev/null)
    [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
    ip netns del "$ns" 2>/dev/null
  done
  ip link del "${PREFIX}-h0" 2>/dev/null
  [ "$CREATED_ROUTE" = 1 ] && ip route del unreachable "$RANGE" 2>/dev/null
  mountpoint -q "$FS" && umount -l "$FS"
  if [ "${KEEP:-0}" = 1 ]; then say "kept $T"; else rm -rf "$T"; fi
  [ -n "$(namespaces)" ] && echo "[ansible-test] WARNING: namespaces left behind: $(namespaces)" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A previous run killed hard may have left namespaces behind; the lock says none is running now.
for ns in $(namespaces); do
  for pid in $(ip netns pids "$ns"); do kill -KILL "$pid" 2>/dev/null || true; done
  ip netns del "$ns"
done
ip link del "${PREFIX}-h0" 2>/dev/null || true

################################################################################
# Network: controller -- bastion -- bridge -- nodes; nothing routes off the machine
################################################################################

if ip route show | grep -v "^unreachable $RANGE" | grep -Eq '^10\.213\.'; then
  fail "this machine already routes part of $RANGE; the test range must be private to the test."
fi
ip netns add "${PREFIX}-probe" 2>/dev/null || skip "network namespaces cannot be created here (needs CAP_NET_ADMIN and CAP_SYS_ADMIN)."
mkdir -p "$T/probe"
# The same mounts each test host gets (in a throwaway mount namespace: nothing stays mounted).
if ! ip netns exec "${PREFIX}-probe" bash -c "mount -t tmpfs ca4-probe $T/probe && mkdir $T/probe/u $T/probe/w \
     && mount -t overlay overlay -o lowerdir=/etc,upperdir=$T/probe/u,workdir=$T/probe/w /etc" 2>/dev/null; then
  ip netns del "${PREFIX}-probe"
  skip "tmpfs/overlayfs mounts are not permitted here, so the test hosts cannot get private /etc, /usr/local and /var/lib."
fi
ip netns del "${PREFIX}-probe"

if ! ip route show type unreachable | grep -q "^unreachable $RANGE"; then
  ip route add unreachable "$RANGE"
  CREATED_ROUTE=1
fi

ns_run() { local ns=$1; shift; ip netns exec "${PREFIX}-$ns" "$@"; }

ip netns add "${PREFIX}-bastion"
ns_run bastion ip link set lo up
ns_run bastion sysctl -qw net.ipv4.ip_forward=0
ip link add "${PREFIX}-h0" type veth peer name "${PREFIX}-b0"
ip link set "${PREFIX}-b0" netns "${PREFIX}-bastion"
ip addr add "$HOST_IP/24" dev "${PREFIX}-h0"
ip link set "${PREFIX}-h0" up
ns_run bastion ip addr add "$BASTION_IP/24" dev "${PREFIX}-b0"
ns_run bastion ip link set "${PREFIX}-b0" up
ns_run bastion ip link add "${PREFIX}-br" type bridge
ns_run bastion ip addr add "$BRIDGE_IP/24" dev "${PREFIX}-br"
ns_run bastion ip link set "${PREFIX}-br" up

for i in "${!NODE_IPS[@]}"; do
  n=node$((i + 1))
  ip netns add "${PREFIX}-$n"
  ns_run "$n" ip link set lo up
  ns_run bastion ip link add "${PREFIX}-p$i" type veth peer name "${PREFIX}-n$i"
  ns_run bastion ip link set "${PREFIX}-n$i" netns "${PREFIX}-$n"
  ns_run bastion ip link set "${PREFIX}-p$i" master "${PREFIX}-br"
  ns_run bastion ip link set "${PREFIX}-p$i" up
  ns_run "$n" ip addr add "${NODE_IPS[$i]}/24" dev "${PREFIX}-n$i"
  ns_run "$n" ip link set "${PREFIX}-n$i" up
done

################################################################################
# Keys, sshd per host, private /etc, /usr/local and /var/lib per host
################################################################################

mkdir -p "$T/keys" "$T/client" "$T/cp" "$T/tmp" "$T/kubeconfigs" "$FS" /run/sshd
chmod 0700 "$T/client"
mount -t tmpfs -o size=256m,mode=0755 ca4-ansible-test "$FS"
ssh-keygen -q -t ed25519 -N '' -C ca4-test-client -f "$T/client/id_ed25519"
cp "$T/client/id_ed25519.pub" "$T/client/authorized_keys"
: > "$T/known_hosts"

declare -A SSHD_PID
start_host() {
  local name=$1 ip=$2 forwarding=$3
  ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$T/keys/$name"
  echo "$ip $(cut -d' ' -f1,2 "$T/keys/$name.pub")" >> "$T/known_hosts"
  cat > "$T/keys/$name.sshd_config" <<EOF
Port 22
ListenAddress $ip
HostKey $T/keys/$name
PidFile $T/keys/$name.pid
AuthorizedKeysFile $T/client/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowTcpForwarding $forwarding
X11Forwarding no
Subsystem sftp internal-sftp
LogLevel ERROR
EOF
  local mounts=""
  for dir in /etc /usr/local /var/lib; do
    local key=${dir//\//_}
    mkdir -p "$FS/$name/$key/upper" "$FS/$name/$key/work"
    mounts+="mount -t overlay overlay -o lowerdir=$dir,upperdir=$FS/$name/$key/upper,workdir=$FS/$name/$key/work $dir; "
  done
  # root logs in with /bin/sh on the test hosts, so this machine's ~/.bashrc (shell plugins,
  # version managers) does not run on every Ansible command.
  sed -E 's#^(root:[^:]*:0:0:[^:]*:[^:]*):.*#\1:/bin/sh#' /etc/passwd > "$FS/$name/_etc/upper/passwd"
  chmod 0644 "$FS/$name/_etc/upper/passwd"
  mkdir -p "$FS/$name/_usr_local/upper/sbin"
  install -m 0755 "$HERE/fixtures/fake-systemd/systemctl" "$FS/$name/_usr_local/upper/sbin/systemctl"
  # `ip netns exec` gives the command its own mount namespace: the overlays stay inside it.
  ip netns exec "${PREFIX}-$name" bash -c "set -e; $mounts exec $SSHD -D -e -f $T/keys/$name.sshd_config" \
    >"$T/keys/$name.log" 2>&1 &
  SSHD_PID[$name]=$!
  # This sshd is the host's SSH service: tell the stand-in systemctl it is running.
  mkdir -p "$FS/$name/_var_lib/upper/fake-systemd"
  echo "${SSHD_PID[$name]}" > "$FS/$name/_var_lib/upper/fake-systemd/ssh.service.pid"
}

start_host bastion "$BASTION_IP" yes
for i in "${!NODE_IPS[@]}"; do start_host "node$((i + 1))" "${NODE_IPS[$i]}" no; done

wait_port() {
  local ns=$1 ip=$2
  for _ in $(seq 1 50); do
    ip netns exec "${PREFIX}-$ns" bash -c "exec 3<>/dev/tcp/$ip/22" 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$T/keys/$ns.log" >&2
  fail "sshd on $ns ($ip) did not start."
}
wait_port bastion "$BASTION_IP"
for i in "${!NODE_IPS[@]}"; do wait_port "node$((i + 1))" "${NODE_IPS[$i]}"; done
say "bastion and ${#NODE_IPS[@]} nodes up in network namespaces ($T)"

# Run a command in a host's own mount and network namespaces (where its files and processes are).
on() { local name=$1; shift; nsenter -t "${SSHD_PID[$name]}" -m -n -- "$@"; }

################################################################################
# The make targets an operator runs, with the Terraform outputs of the test hosts
################################################################################

REPO=$(cd "$ANSIBLE_DIR/.." && pwd)
# known_hosts holds the test hosts' keys already, so the generated ssh_config (accept-new) checks them.
mkdir -p "$T/state" && cp "$T/known_hosts" "$T/state/known_hosts"
MAKE_VARS=(
  CA4_TERRAFORM="$HERE/fixtures/terraform" CA4_TF_DIR="$T"
  CA4_SSH_KEY="$T/client/id_ed25519" CA4_STATE_DIR="$T/state" CA4_INVENTORY="$T/inventory.yml"
  CA4_KUBECONFIG="$T/kubeconfigs/ca4-kubeconfig" CA4_K3S_AIRGAP_DIR="$HERE/fixtures/airgap-standin"
  CA4_ANSIBLE_ARGS="-e @$HERE/test-vars.yml"
)

export ANSIBLE_SSH_CONTROL_PATH_DIR="$T/cp"
export ANSIBLE_LOCAL_TEMP="$T/tmp"
export ANSIBLE_NOCOLOR=1
export ANSIBLE_FORCE_COLOR=0

# make TARGET LOG: run a target of make/aws.mk as an operator would (from the repository root).
run_make() {
  local target=$1 log=$2
  if ! make --no-print-directory -C "$REPO" -f make/aws.mk "$target" "${MAKE_VARS[@]}" "${@:3}" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    fail "make $target failed (log above)."
  fi
}

recap_check() {
  local log=$1 want_changed=$2
  python3 - "$log" "$want_changed" <<'PY'
import re, sys
log, want = sys.argv[1], sys.argv[2]
rows = re.findall(r"^(\S+)\s*: ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", open(log).read(), re.M)
if len(rows) < 4:
    sys.exit(f"expected a PLAY RECAP line for the bastion and 3 nodes, got {rows}")
bad = [r for r in rows if int(r[3]) or int(r[4]) or (want == "0" and int(r[2]))]
for host, ok, changed, unreachable, failed in rows:
    print(f"    {host:20s} ok={ok} changed={changed} unreachable={unreachable} failed={failed}")
if bad:
    sys.exit(f"hosts with failures{' or changes' if want == '0' else ''}: {[r[0] for r in bad]}")
PY
}

start=$(date +%s)
say "run 1: make ca4-bootstrap-k3s (inventory from the Terraform outputs, then playbooks/site.yml)"
run_make ca4-bootstrap-k3s "$T/run1.log"
recap_check "$T/run1.log" any || fail "first run recap"
say "run 1 took $(( $(date +%s) - start )) s"

################################################################################
# What the roles left on the hosts
################################################################################

check() { local what=$1; shift; if "$@"; then say "ok: $what"; else fail "$what"; fi; }
file_has() { local name=$1 path=$2 text=$3; on "$name" grep -qxF -- "$text" "$path"; }
mode_is() { [ "$(on "$1" stat -c %a "$2")" = "$3" ]; }

TOKEN=$(cat "$T/state/k3s-token")
check "the cluster token was generated on the controller" [ ${#TOKEN} -eq 48 ]

server=node1
check "server: the airgap binary is installed 0755 at /usr/local/bin/k3s" \
  bash -c "cmp -s <(nsenter -t ${SSHD_PID[$server]} -m cat /usr/local/bin/k3s) '$HERE/fixtures/airgap-standin/k3s'"
check "server: binary mode 0755" mode_is $server /usr/local/bin/k3s 755
check "server: config.yaml is 0600" mode_is $server /etc/rancher/k3s/config.yaml 600
check "server: config names the node" file_has $server /etc/rancher/k3s/config.yaml "node-name: ${NODE_NAMES[0]}"
check "server: config sets the node IP" file_has $server /etc/rancher/k3s/config.yaml "node-ip: ${NODE_IPS[0]}"
check "server: config carries the cluster token" file_has $server /etc/rancher/k3s/config.yaml "token: $TOKEN"
check "server: TLS SAN has the tunnel endpoint 127.0.0.1" file_has $server /etc/rancher/k3s/config.yaml "  - 127.0.0.1"
check "server: TLS SAN has the node IP" file_has $server /etc/rancher/k3s/config.yaml "  - ${NODE_IPS[0]}"
check "server: k3s.service runs 'k3s server'" file_has $server /etc/systemd/system/k3s.service "ExecStart=/usr/local/bin/k3s server"
check "server: k3s.service is enabled" on $server test -L /etc/systemd/system/multi-user.target.wants/k3s.service
check "server: k3s.service is running" on $server /usr/local/sbin/systemctl is-active --quiet k3s
check "server: no agent unit on the server" on $server test ! -e /etc/systemd/system/k3s-agent.service
if command -v systemd-analyze >/dev/null 2>&1; then
  errs=$(on $server systemd-analyze verify /etc/systemd/system/k3s.service 2>&1 | grep -Ei "unknown|invalid|bad|failed to parse" || true)
  check "server: systemd-analyze verify k3s.service reports no unknown or invalid setting ($errs)" [ -z "$errs" ]
fi

for i in 1 2; do
  agent=node$((i + 1))
  check "$agent: the airgap binary is installed" on $agent test -x /usr/local/bin/k3s
  check "$agent: config.yaml is 0600" mode_is $agent /etc/rancher/k3s/config.yaml 600
  check "$agent: config points at the server" file_has $agent /etc/rancher/k3s/config.yaml "server: https://${NODE_IPS[0]}:6443"
  check "$agent: config carries the same token" file_has $agent /etc/rancher/k3s/config.yaml "token: $TOKEN"
  check "$agent: config names the node" file_has $agent /etc/rancher/k3s/config.yaml "node-name: ${NODE_NAMES[$i]}"
  check "$agent: k3s-agent.service runs 'k3s agent'" file_has $agent /etc/systemd/system/k3s-agent.service "ExecStart=/usr/local/bin/k3s agent"
  check "$agent: k3s-agent.service is enabled" on $agent test -L /etc/systemd/system/multi-user.target.wants/k3s-agent.service
  check "$agent: k3s-agent.service is running" on $agent /usr/local/sbin/systemctl is-active --quiet k3s-agent
  check "$agent: no server unit on an agent" on $agent test ! -e /etc/systemd/system/k3s.service
  if command -v systemd-analyze >/dev/null 2>&1; then
    errs=$(on $agent systemd-analyze verify /etc/systemd/system/k3s-agent.service 2>&1 | grep -Ei "unknown|invalid|bad|failed to parse" || true)
    check "$agent: systemd-analyze verify k3s-agent.service reports no unknown or invalid setting ($errs)" [ -z "$errs" ]
  fi
  check "$agent: joined the server over the network with the token" \
    file_has $agent /var/lib/rancher/k3s/agent/stand-in-joined "https://${NODE_IPS[0]}:6443 OK"
done

for n in node1 node2 node3; do
  check "$n: airgap images copied" on $n test -s /var/lib/rancher/k3s/agent/images/k3s-airgap-images-amd64.tar.zst
  check "$n: IPv4 forwarding persisted" file_has $n /etc/sysctl.d/90-k3s.conf "net.ipv4.ip_forward=1"
  check "$n: IPv4 forwarding on" [ "$(on $n cat /proc/sys/net/ipv4/ip_forward)" = 1 ]
  check "$n: br_netfilter loaded at boot" file_has $n /etc/modules-load.d/k3s.conf br_netfilter
done

check "server lists the 3 nodes as Ready" \
  [ "$(on $server /usr/local/bin/k3s kubectl get nodes --no-headers | grep -c ' Ready ')" = 3 ]

BASTION_CONF=/etc/ssh/sshd_config.d/10-ca4-bastion.conf
check "bastion: sshd drop-in limits forwarding to the nodes" \
  file_has bastion $BASTION_CONF "PermitOpen $(for ip in "${NODE_IPS[@]}"; do for p in 22 6443 30092 30300; do printf '%s:%s ' "$ip" "$p"; done; done | sed 's/ $//')"
check "bastion: sshd drop-in turns passwords off" file_has bastion $BASTION_CONF "PasswordAuthentication no"

KUBECONFIG_FILE="$T/kubeconfigs/ca4-kubeconfig"
check "kubeconfig fetched to the controller, mode 0600" [ "$(stat -c %a "$KUBECONFIG_FILE" 2>/dev/null)" = 600 ]
check "kubeconfig rewritten to the tunnel endpoint with the server's CA and credentials" python3 - "$KUBECONFIG_FILE" \
  "$(on $server cat /etc/rancher/k3s/k3s.yaml | base64 -w0)" <<'PY'
import base64, sys, yaml
local = yaml.safe_load(open(sys.argv[1]))
remote = yaml.safe_load(base64.b64decode(sys.argv[2]))
cluster = local["clusters"][0]["cluster"]
assert cluster["server"] == "https://127.0.0.1:16443", cluster["server"]
assert local["current-context"] == "ca4", local["current-context"]
assert cluster["certificate-authority-data"] == remote["clusters"][0]["cluster"]["certificate-authority-data"]
assert local["users"][0]["user"] == remote["users"][0]["user"]
PY

check "the controller has no direct route to a node (only through the bastion)" \
  bash -c "! timeout 3 bash -c 'exec 3<>/dev/tcp/${NODE_IPS[0]}/22' 2>/dev/null"
check "this machine's own /etc and /usr/local are untouched" \
  bash -c "[ $HOST_HAD_RANCHER = 1 ] || [ ! -e /etc/rancher/k3s ]; [ $HOST_HAD_K3S = 1 ] || [ ! -e /usr/local/bin/k3s ]"
sed "s#^${NODE_IPS[0]} .*#${NODE_IPS[0]} $(cut -d' ' -f1,2 "$T/keys/bastion.pub")#" "$T/known_hosts" > "$T/known_hosts.wrong"
check "a node presenting an unexpected host key is refused" bash -c \
  "! ssh -F '$T/state/ssh_config' -o UserKnownHostsFile='$T/known_hosts.wrong' -o BatchMode=yes ${NODE_NAMES[0]} true 2>'$T/wrong-key.log' && grep -q 'Host key verification failed' '$T/wrong-key.log'"
check "the generated ssh_config reaches a node through the bastion" \
  ssh -F "$T/state/ssh_config" -o BatchMode=yes "${NODE_NAMES[2]}" test -x /usr/local/bin/k3s

################################################################################
# Idempotence, then reset
################################################################################

start=$(date +%s)
say "run 2: make ca4-bootstrap-k3s again must change nothing"
run_make ca4-bootstrap-k3s "$T/run2.log"
recap_check "$T/run2.log" 0 || fail "the second run changed something (see the recap above and $T/run2.log with KEEP=1)"
say "ok: second run reports changed=0 on every host ($(( $(date +%s) - start )) s)"

tport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run_make tunnel-k3s "$T/tunnel.log" CA4_K3S_TUNNEL_PORT="$tport"
check "make tunnel-k3s forwards 127.0.0.1:$tport through the bastion to the server's API port" python3 - "$tport" <<'PY'
import socket, sys
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5) as c, c.makefile("rw") as f:
    f.write("READYZ\n"); f.flush()
    assert f.readline().strip() == "ok"
PY
run_make tunnel-k3s "$T/tunnel2.log" CA4_K3S_TUNNEL_PORT="$tport"
check "make tunnel-k3s again leaves the open tunnel alone" grep -q "tunnel-k3s already open" "$T/tunnel2.log"
run_make tunnel-close "$T/tunnel-close.log"
check "make tunnel-close closes it" bash -c "grep -q 'tunnel-k3s closed' '$T/tunnel-close.log' && ! (exec 3<>/dev/tcp/127.0.0.1/$tport) 2>/dev/null"

say "reset: make ca4-reset-k3s (playbooks/reset.yml)"
run_make ca4-reset-k3s "$T/reset.log"
for n in node1 node2 node3; do
  check "$n: reset removed the binary, configuration, data and units" on $n bash -c \
    "[ ! -e /usr/local/bin/k3s ] && [ ! -e /etc/rancher/k3s ] && [ ! -e /var/lib/rancher/k3s ] && ! ls /etc/systemd/system/k3s*.service >/dev/null 2>&1"
done
k3s_processes() {
  local ns pid
  for ns in node1 node2 node3; do
    for pid in $(ip netns pids "${PREFIX}-$ns"); do
      tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q '/usr/local/bin/k3s' && echo "$ns:$pid"
    done
  done
  return 0
}
check "reset stopped every K3s process" [ -z "$(k3s_processes)" ]
check "reset removed the local kubeconfig" [ ! -e "$KUBECONFIG_FILE" ]

say "PASS: site.yml through the bastion, idempotent second run, reset"
