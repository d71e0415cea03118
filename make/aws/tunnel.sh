#!/usr/bin/env bash
# tunnel.sh open k3s|kafka|grafana   open an SSH tunnel through the bastion (idempotent)
# tunnel.sh close [NAME...]          close the tunnels (all by default; idempotent)
# Each tunnel is an SSH control master with its socket in $CA4_STATE_DIR/tunnel-<name>.sock.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

socket() { printf '%s/tunnel-%s.sock' "$CA4_STATE_DIR" "$1"; }

close_one() {
  local name=$1 sock
  sock=$(socket "$name")
  if [ -S "$sock" ] && ssh -S "$sock" -O check ca4-tunnel >/dev/null 2>&1; then
    ssh -S "$sock" -O exit ca4-tunnel >/dev/null 2>&1 || true
    info "tunnel-$name closed"
  else
    info "tunnel-$name was not open"
  fi
  rm -f "$sock"
}

open_one() {
  local name=$1 local_port remote_port target sock bastion
  case "$name" in
    k3s) local_port=${CA4_K3S_TUNNEL_PORT:-16443}; remote_port=6443 ;;
    kafka) local_port=${CA4_KAFKA_TUNNEL_PORT:-19092}; remote_port=$(tf_out kafka_node_port) ;;
    grafana) local_port=${CA4_GRAFANA_TUNNEL_PORT:-3000}; remote_port=$(tf_out grafana_node_port) ;;
    *) die "unknown tunnel '$name' (k3s, kafka or grafana)." ;;
  esac
  target=$(tf_out k3s_server_private_ip)
  bastion="$(tf_out name_prefix)-bastion"
  sock=$(socket "$name")
  if [ -S "$sock" ] && ssh -S "$sock" -O check ca4-tunnel >/dev/null 2>&1; then
    info "tunnel-$name already open: 127.0.0.1:$local_port -> $target:$remote_port"
    return 0
  fi
  rm -f "$sock"
  if tcp_open 127.0.0.1 "$local_port"; then
    die "Port $local_port on this machine is already in use by another program: stop it or pick another port (CA4_$(tr a-z A-Z <<<"$name")_TUNNEL_PORT=...)."
  fi
  ssh -F "$CA4_STATE_DIR/ssh_config" -f -N -M -S "$sock" \
    -o ExitOnForwardFailure=yes -o ControlPersist=no -o BatchMode=yes -o ConnectTimeout=15 \
    -L "127.0.0.1:$local_port:$target:$remote_port" "$bastion" \
    || die "Could not open the tunnel through the bastion $(tf_out bastion_public_ip): check that my_ip_cidr still matches your address and that CA4_SSH_KEY is right."
  info "tunnel-$name open: 127.0.0.1:$local_port -> $target:$remote_port via $bastion (close with 'make tunnel-close')"
}

mkdir -p "$CA4_STATE_DIR"
case "${1:-}" in
  open)
    require ssh terraform tf-outputs ssh-key
    "$(dirname "${BASH_SOURCE[0]}")/inventory.sh" >/dev/null
    open_one "$2" ;;
  close)
    shift
    for name in "${@:-k3s kafka grafana}"; do for n in $name; do close_one "$n"; done; done ;;
  *) die "usage: tunnel.sh open NAME | close [NAME...]" ;;
esac
