#!/usr/bin/env python3
"""Write the Ansible inventory and the SSH client configuration from `terraform output -json`.

    terraform -chdir=terraform output -json | \
      python3 ansible/scripts/inventory_from_terraform.py --ssh-key ~/.ssh/ca4.pem \
        --state-dir .local/aws --inventory ansible/inventory.yml

The SSH configuration reaches every node only through the bastion (ProxyJump) and checks host
keys against <state-dir>/known_hosts: `accept-new` records a key on first contact and refuses a
changed one afterwards; `yes` accepts only keys already in the file.
"""
import argparse
import json
import os
import sys

import yaml

REQUIRED = ("bastion_public_ip", "k3s_server_private_ip", "k3s_agent_private_ips", "ssh_user")


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def read_outputs(stream):
    try:
        raw = json.load(stream)
    except json.JSONDecodeError:
        fail("The Terraform outputs are not JSON: run 'make ca4-apply' first.")
    values = {name: item.get("value") for name, item in raw.items()}
    missing = [name for name in REQUIRED if values.get(name) in (None, "")]
    if missing:
        fail(f"The Terraform outputs lack {', '.join(missing)}: run 'make ca4-apply' first.")
    return values


def host_block(aliases, hostname, user, key, known_hosts, strict, jump=None):
    lines = [
        f"Host {' '.join(aliases)}",
        f"  HostName {hostname}",
        f"  User {user}",
        f"  IdentityFile {key}",
        "  IdentitiesOnly yes",
        f"  UserKnownHostsFile {known_hosts}",
        f"  StrictHostKeyChecking {strict}",
        "  ServerAliveInterval 30",
        "  ServerAliveCountMax 3",
    ]
    if jump:
        lines.append(f"  ProxyJump {jump}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outputs", default="-", help="terraform output -json file (default: stdin)")
    parser.add_argument("--ssh-key", required=True, help="private key of the EC2 key pair")
    parser.add_argument("--ssh-user", help="login user (default: the ssh_user output)")
    parser.add_argument("--state-dir", required=True, help="folder for ssh_config, known_hosts and the K3s token")
    parser.add_argument("--inventory", required=True, help="inventory file to write")
    parser.add_argument("--strict-host-keys", choices=("accept-new", "yes"), default="accept-new")
    parser.add_argument("--known-hosts", help="known_hosts file (default: <state-dir>/known_hosts)")
    parser.add_argument("--airgap-dir", default="", help="local folder with the K3s binary and images")
    args = parser.parse_args()

    with (sys.stdin if args.outputs == "-" else open(args.outputs, encoding="utf-8")) as stream:
        out = read_outputs(stream)

    state_dir = os.path.abspath(args.state_dir)
    os.makedirs(state_dir, mode=0o700, exist_ok=True)
    ssh_config = os.path.join(state_dir, "ssh_config")
    known_hosts = os.path.abspath(args.known_hosts or os.path.join(state_dir, "known_hosts"))
    key = os.path.abspath(os.path.expanduser(args.ssh_key))
    user = args.ssh_user or out["ssh_user"]
    prefix = out.get("name_prefix") or "ca4"
    bastion_alias = f"{prefix}-bastion"

    nodes = [(f"{prefix}-k3s-server", out["k3s_server_private_ip"])]
    nodes += [(f"{prefix}-k3s-agent-{i}", ip) for i, ip in enumerate(out["k3s_agent_private_ips"], start=1)]

    blocks = ["# Written from the Terraform outputs by ansible/scripts/inventory_from_terraform.py; do not edit.\n"]
    blocks.append(host_block([bastion_alias, out["bastion_public_ip"]], out["bastion_public_ip"], user, key,
                             known_hosts, args.strict_host_keys))
    for name, ip in nodes:
        blocks.append(host_block([name, ip], ip, user, key, known_hosts, args.strict_host_keys, jump=bastion_alias))
    with open(os.open(ssh_config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        f.write("\n".join(blocks))
    if not os.path.exists(known_hosts):
        open(os.open(known_hosts, os.O_WRONLY | os.O_CREAT, 0o600), "w").close()

    connection = {"ansible_user": user, "ansible_ssh_common_args": f"-F {ssh_config}"}
    cluster_vars = dict(connection, k3s_token_file=os.path.join(state_dir, "k3s-token"))
    if args.airgap_dir:
        cluster_vars["airgap_dir"] = os.path.abspath(args.airgap_dir)
    forward_ports = [22, 6443] + [out[p] for p in ("kafka_node_port", "grafana_node_port") if out.get(p)]
    inventory = {
        "k3s_cluster": {
            "children": {
                "server": {"hosts": {nodes[0][0]: {"ansible_host": nodes[0][1]}}},
                "agent": {"hosts": {name: {"ansible_host": ip} for name, ip in nodes[1:]}},
            },
            "vars": cluster_vars,
        },
        "bastion": {
            "hosts": {bastion_alias: {"ansible_host": out["bastion_public_ip"]}},
            "vars": dict(connection, bastion_forward_ports=forward_ports),
        },
    }
    with open(args.inventory, "w", encoding="utf-8") as f:
        f.write("---\n# Written from the Terraform outputs by ansible/scripts/inventory_from_terraform.py; do not edit.\n")
        yaml.safe_dump(inventory, f, sort_keys=False, default_flow_style=False)
    print(f"Wrote {args.inventory} ({len(nodes)} nodes behind {out['bastion_public_ip']}) and {ssh_config}")


if __name__ == "__main__":
    main()
