#!/usr/bin/env bash
# Shared helpers of the AWS-side make targets (make/aws.mk). Settings arrive as CA4_* environment
# variables from the fragment; the defaults below only matter when a script is run by hand.
set -euo pipefail

: "${CA4_TF_DIR:=terraform}"
: "${CA4_ANSIBLE_DIR:=ansible}"
: "${CA4_K8S_DIR:=k8s}"
: "${CA4_K8S_OVERLAY:=aws}"
: "${CA4_STATE_DIR:=.local/aws}"
: "${CA4_KUBECONFIG:=kubeconfigs/ca4-kubeconfig}"
: "${CA4_SSH_KEY:=$HOME/.ssh/ca4.pem}"
: "${CA4_TERRAFORM:=terraform}"
: "${CA4_KUBECTL:=kubectl}"
: "${CA4_TARGET:=make}"

# One sentence on stderr, prefixed with the make target, then exit 1.
die() { printf '%s: %s\n' "$CA4_TARGET" "$*" >&2; exit 1; }
info() { printf '%s: %s\n' "$CA4_TARGET" "$*"; }

kc() { "$CA4_KUBECTL" --kubeconfig "$CA4_KUBECONFIG" --request-timeout=30s "$@"; }

# `terraform output -json`, read once per script run.
tf_outputs_json() {
  if [ -z "${_CA4_TF_OUTPUTS:-}" ]; then
    _CA4_TF_OUTPUTS=$(CHECKPOINT_DISABLE=1 "$CA4_TERRAFORM" -chdir="$CA4_TF_DIR" output -json 2>/dev/null) || _CA4_TF_OUTPUTS="{}"
  fi
  printf '%s' "$_CA4_TF_OUTPUTS"
}

# tf_out NAME: one output value (lists as one item per line); empty when absent.
tf_out() {
  tf_outputs_json | python3 -c '
import json, sys
value = json.load(sys.stdin).get(sys.argv[1], {}).get("value")
if isinstance(value, list):
    print("\n".join(str(v) for v in value))
elif value is not None:
    print(value)' "$1"
}

# tcp_open HOST PORT: whether something accepts TCP connections there.
tcp_open() { timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# k8s_overlay LAYER: folder of the kustomize overlay of a layer (platform, app, monitoring).
k8s_overlay() { printf '%s/%s/overlays/%s' "$CA4_K8S_DIR" "$1" "$CA4_K8S_OVERLAY"; }

# require CHECK...: run prerequisite checks in order; the first one missing stops with its sentence.
require() {
  local check
  for check in "$@"; do
    case "$check" in
      terraform)
        command -v "$CA4_TERRAFORM" >/dev/null 2>&1 \
          || die "terraform is not installed: install Terraform 1.7 or newer (https://developer.hashicorp.com/terraform/install)." ;;
      ansible)
        command -v ansible-playbook >/dev/null 2>&1 \
          || die "ansible-playbook is not installed: install Ansible (apt-get install ansible, or pipx install ansible-core)." ;;
      kubectl)
        command -v "$CA4_KUBECTL" >/dev/null 2>&1 \
          || die "kubectl is not installed: install kubectl 1.28 or newer (https://kubernetes.io/docs/tasks/tools/)." ;;
      ssh)
        command -v ssh >/dev/null 2>&1 || die "ssh is not installed: install the OpenSSH client." ;;
      curl)
        command -v curl >/dev/null 2>&1 || die "curl is not installed: install curl." ;;
      tf-outputs)
        [ -n "$(tf_out bastion_public_ip)" ] \
          || die "No Terraform outputs in $CA4_TF_DIR/ (nothing applied yet, or no state here): run 'make ca4-apply' first." ;;
      ssh-key)
        [ -r "$CA4_SSH_KEY" ] \
          || die "SSH key $CA4_SSH_KEY not found: set CA4_SSH_KEY to the private key of the EC2 key pair named in ssh_key_name." ;;
      airgap-dir)
        [ -z "${CA4_K3S_AIRGAP_DIR:-}" ] || [ -d "$CA4_K3S_AIRGAP_DIR" ] \
          || die "CA4_K3S_AIRGAP_DIR=$CA4_K3S_AIRGAP_DIR is not a folder: point it at the K3s binary and k3s-airgap-images tarball, or leave it empty." ;;
      kubeconfig)
        [ -s "$CA4_KUBECONFIG" ] \
          || die "No kubeconfig at $CA4_KUBECONFIG: run 'make ca4-bootstrap-k3s' first." ;;
      k3s-api)
        local server hostport host port
        server=$(sed -n 's/^[[:space:]]*server:[[:space:]]*//p' "$CA4_KUBECONFIG" | head -n1)
        hostport=${server#*://}; hostport=${hostport%%/*}
        host=${hostport%:*}; port=${hostport##*:}
        if ! tcp_open "$host" "$port"; then
          if [ "$host" = 127.0.0.1 ] || [ "$host" = localhost ]; then
            die "The K3s API tunnel is not open (nothing answers on $host:$port): run 'make tunnel-k3s' first."
          fi
          die "The K3s API at $server does not answer: check the cluster and $CA4_KUBECONFIG."
        fi ;;
      k8s:*)
        local layer=${check#k8s:}
        [ -f "$(k8s_overlay "$layer")/kustomization.yaml" ] \
          || die "$(k8s_overlay "$layer") is missing: the Kubernetes manifests for '$layer' are not in this checkout yet." ;;
      platform-config)
        kc -n app get secret ca4-mongo-credentials >/dev/null 2>&1 \
          || die "Secret ca4-mongo-credentials is missing in namespace app: run 'make ca4-platform-setup' first." ;;
      api-key)
        [ -s "$CA4_STATE_DIR/api-key" ] \
          || die "No API key in $CA4_STATE_DIR/api-key: run 'make ca4-platform-setup' first." ;;
      *)
        die "unknown prerequisite check '$check' (bug in make/aws.mk)." ;;
    esac
  done
}
