#!/usr/bin/env bash
# Write the inventory ($CA4_INVENTORY) and $CA4_STATE_DIR/ssh_config from the Terraform outputs.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require terraform tf-outputs ssh-key airgap-dir

args=(--ssh-key "$CA4_SSH_KEY" --state-dir "$CA4_STATE_DIR" --inventory "${CA4_INVENTORY:-$CA4_ANSIBLE_DIR/inventory.yml}")
[ -n "${CA4_BASTION_USER:-}" ] && args+=(--ssh-user "$CA4_BASTION_USER")
[ -n "${CA4_K3S_AIRGAP_DIR:-}" ] && args+=(--airgap-dir "$CA4_K3S_AIRGAP_DIR")
tf_outputs_json | python3 "$CA4_ANSIBLE_DIR/scripts/inventory_from_terraform.py" "${args[@]}"
