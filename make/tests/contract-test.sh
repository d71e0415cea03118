#!/usr/bin/env bash
# The AWS-side make contract, offline: every target of docs/design.md exists with a one-line `## ` help,
# and each one, run with its prerequisites missing, stops with its one-sentence message (and no
# stack trace). Runs make against the repository's root Makefile (CA4_TEST_MAKE overrides) with
# every path pointed into a temporary sandbox, so a developer's real state, kubeconfig, keys and
# tunnels are neither used nor touched.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MAKE_CMD=${CA4_TEST_MAKE:-make -C $REPO}
FRAGMENT="$REPO/make/aws.mk"
T=$(mktemp -d /tmp/ca4-contract-test.XXXXXX)
trap 'rm -rf "$T"' EXIT

pass=0
say() { printf '[contract-test] %s\n' "$*"; }
fail() { printf '[contract-test] FAIL: %s\n' "$*" >&2; exit 1; }

CONTRACT=(ca4-plan ca4-apply ca4-destroy ca4-bootstrap-k3s ca4-platform-setup ca4-deploy-edge ca4-deploy-app
          ca4-deploy-monitoring ca4-verify-preflight ca4-verify-kafka ca4-verify-db ca4-verify-e2e
          tunnel-kafka tunnel-grafana tunnel-k3s tunnel-close)

################################################################################
# Every target exists, with a one-line description for `make help`
################################################################################

database=$($MAKE_CMD -pRrn --no-print-directory help 2>/dev/null || true)
for target in "${CONTRACT[@]}" ca4-inventory ca4-reset-k3s test-infra; do
  grep -Eq "^$target:.*## [^ ]" "$FRAGMENT" || fail "$target has no '## description' line in make/aws.mk"
  grep -q "^$target:" <<<"$database" || fail "$target is not a target of the root Makefile (is make/aws.mk included?)"
  pass=$((pass + 1))
done
help=$($MAKE_CMD --no-print-directory help 2>/dev/null || true)
for target in "${CONTRACT[@]}"; do
  grep -q "$target" <<<"$help" || fail "'make help' does not list $target"
done
say "ok: ${#CONTRACT[@]} contract targets (+ ca4-inventory, ca4-reset-k3s, test-infra) exist and 'make help' lists them"
for target in plan apply destroy show state clean nuke; do
  grep -Eq "^$target:.*## " "$REPO/terraform/Makefile" || fail "terraform/Makefile lacks target $target"
done
say "ok: terraform/Makefile has plan apply destroy show state clean nuke"

################################################################################
# Sandbox: no AWS credentials, no Terraform state, no kubeconfig, no key, no manifests, no tunnel
################################################################################

mkdir -p "$T/home" "$T/state"
cp -a "$REPO/terraform" "$T/tf"
rm -rf "$T/tf/.terraform" "$T/tf/.terraform.lock.hcl" "$T"/tf/*.tfstate* "$T"/tf/*.tfvars "$T"/tf/*.tfplan
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

SANDBOX=(env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE
         -u AWS_DEFAULT_PROFILE -u AWS_WEB_IDENTITY_TOKEN_FILE -u AWS_CONTAINER_CREDENTIALS_FULL_URI
         -u AWS_CONTAINER_CREDENTIALS_RELATIVE_URI -u TF_VAR_my_ip_cidr -u TF_VAR_ssh_key_name
         -u TF_VAR_db_username -u TF_VAR_db_password -u KUBECONFIG -u MAKEFLAGS -u MFLAGS
         HOME="$T/home" AWS_CONFIG_FILE="$T/home/none" AWS_SHARED_CREDENTIALS_FILE="$T/home/none"
         AWS_EC2_METADATA_DISABLED=true CHECKPOINT_DISABLE=1)
VARS=(CA4_TF_DIR="$T/tf" CA4_STATE_DIR="$T/state" CA4_KUBECONFIG="$T/kubeconfig" CA4_SSH_KEY="$T/no-key.pem"
      CA4_K8S_DIR="$T/k8s" CA4_K3S_AIRGAP_DIR=)

# expect TARGET "sentence" [VAR=value...]: the target fails, prints the sentence, and nothing like a trace.
expect() {
  local target=$1 sentence=$2 out rc=0
  shift 2
  out=$("${SANDBOX[@]}" $MAKE_CMD --no-print-directory "$target" "${VARS[@]}" "$@" 2>&1 </dev/null) || rc=$?
  [ "$rc" -ne 0 ] || fail "make $target succeeded without its prerequisites:"$'\n'"$out"
  grep -qF -- "$sentence" <<<"$out" || fail "make $target did not say \"$sentence\"; it said:"$'\n'"$out"
  if grep -Eq 'Traceback|line [0-9]+:|^\s+at |panic:' <<<"$out"; then fail "make $target printed a trace:"$'\n'"$out"; fi
  local lines
  lines=$(grep -cv '^make\(\[[0-9]*\]\)\?: \*\*\*' <<<"$out" || true)
  [ "$lines" -le 2 ] || fail "make $target printed $lines lines instead of one sentence:"$'\n'"$out"
  say "ok: $target -> $(grep -F -- "$sentence" <<<"$out" | head -n1)"
  pass=$((pass + 1))
}

# 1. A fresh clone: nothing at all.
expect ca4-plan "Missing Terraform inputs: my_ip_cidr ssh_key_name db_username db_password"
expect ca4-apply "Missing Terraform inputs:"
TF_INPUTS=(TF_VAR_my_ip_cidr=203.0.113.7/32 TF_VAR_ssh_key_name=ca4 TF_VAR_db_username=ca4admin TF_VAR_db_password=correct-horse)
expect ca4-plan "AWS credentials" "${TF_INPUTS[@]}"
expect ca4-apply "AWS credentials" "${TF_INPUTS[@]}"
expect ca4-destroy "No Terraform state in terraform/ (nothing has been applied): run 'make ca4-apply' first."
expect ca4-bootstrap-k3s "No Terraform outputs in $T/tf/ (nothing applied yet, or no state here): run 'make ca4-apply' first."
expect ca4-inventory "No Terraform outputs in"
expect ca4-reset-k3s "No Terraform outputs in"
for t in tunnel-k3s tunnel-kafka tunnel-grafana; do expect $t "No Terraform outputs in"; done
expect ca4-platform-setup "$T/k8s/platform/overlays/aws is missing: the Kubernetes manifests for 'platform' are not in this checkout yet."
expect ca4-deploy-edge "$T/k8s/platform/overlays/aws is missing"
expect ca4-deploy-app "$T/k8s/app/overlays/aws is missing: the Kubernetes manifests for 'app' are not in this checkout yet."
expect ca4-deploy-monitoring "$T/k8s/monitoring/overlays/aws is missing"
for t in ca4-verify-preflight ca4-verify-kafka ca4-verify-db ca4-verify-e2e; do
  expect $t "No kubeconfig at $T/kubeconfig: run 'make ca4-bootstrap-k3s' first."
done

# 2. Tools missing.
expect ca4-plan "terraform is not installed" CA4_TERRAFORM=/nonexistent/terraform
expect ca4-verify-db "kubectl is not installed" CA4_KUBECTL=/nonexistent/kubectl

# 3. Applied (a state with outputs), but no SSH key.
python3 - "$T/tf/terraform.tfstate" <<'PY'
import json, sys
outputs = {
    "name_prefix": "ca4", "bastion_public_ip": "198.51.100.20", "ssh_user": "ec2-user",
    "k3s_server_private_ip": "10.40.10.11", "k3s_agent_private_ips": ["10.40.11.12"],
    "kafka_node_port": 30092, "grafana_node_port": 30300,
}
state = {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "ca4-contract-test",
         "outputs": {k: {"value": v, "type": "number" if isinstance(v, int) else ["list", "string"] if isinstance(v, list) else "string"}
                     for k, v in outputs.items()},
         "resources": [], "check_results": None}
json.dump(state, open(sys.argv[1], "w"))
PY
if command -v terraform >/dev/null 2>&1; then
  expect ca4-bootstrap-k3s "SSH key $T/no-key.pem not found: set CA4_SSH_KEY to the private key of the EC2 key pair named in ssh_key_name."
  for t in tunnel-k3s tunnel-kafka tunnel-grafana ca4-inventory; do expect $t "SSH key $T/no-key.pem not found"; done
  touch "$T/home/key.pem"
  expect ca4-bootstrap-k3s "CA4_K3S_AIRGAP_DIR=$T/nowhere is not a folder" CA4_SSH_KEY="$T/home/key.pem" \
    CA4_K3S_AIRGAP_DIR="$T/nowhere"
else
  say "SKIPPED: terraform is not installed, so the checks after 'terraform output' are not exercised"
fi

# 4. Cluster bootstrapped (kubeconfig) and manifests present, but no tunnel.
for layer in platform app monitoring; do
  mkdir -p "$T/k8s/$layer/overlays/aws"
  printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n' > "$T/k8s/$layer/overlays/aws/kustomization.yaml"
done
port=$(free_port)
cat > "$T/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: ca4
    cluster:
      server: https://127.0.0.1:$port
EOF
for t in ca4-deploy-edge ca4-deploy-app ca4-deploy-monitoring ca4-verify-preflight ca4-verify-kafka ca4-verify-db; do
  expect $t "The K3s API tunnel is not open (nothing answers on 127.0.0.1:$port): run 'make tunnel-k3s' first."
done
expect ca4-verify-e2e "No API key in $T/state/api-key: run 'make ca4-platform-setup' first."
if command -v terraform >/dev/null 2>&1; then
  expect ca4-platform-setup "The K3s API tunnel is not open"
fi

# 5. Closing tunnels that are not open is fine (idempotent).
out=$("${SANDBOX[@]}" $MAKE_CMD --no-print-directory tunnel-close "${VARS[@]}" 2>&1) || fail "tunnel-close failed: $out"
grep -q "tunnel-k3s was not open" <<<"$out" || fail "tunnel-close said: $out"
say "ok: tunnel-close with nothing open -> $(echo $out)"
pass=$((pass + 1))

# 6. terraform/Makefile on its own.
rm -f "$T/tf/terraform.tfstate"
for t in show state; do
  out=$("${SANDBOX[@]}" make --no-print-directory -C "$T/tf" "$t" 2>&1) && fail "make -C terraform $t succeeded without state"
  grep -qF "No Terraform state in terraform/" <<<"$out" || fail "make -C terraform $t said: $out"
done
out=$("${SANDBOX[@]}" make --no-print-directory -C "$T/tf" nuke 2>&1) && fail "nuke ran without CONFIRM=yes"
grep -qF "run 'make nuke CONFIRM=yes' to go ahead" <<<"$out" || fail "nuke said: $out"
say "ok: terraform/Makefile show/state need a state; nuke needs CONFIRM=yes"
pass=$((pass + 1))

################################################################################
# ca4-platform-setup's objects from Terraform outputs (no cluster needed)
################################################################################

printf 'ca4-test-key-0123456789\n' > "$T/state/api-key"
printf -- '-----BEGIN CERTIFICATE-----\nMIIstand-in\n-----END CERTIFICATE-----\n' > "$T/state/ca.pem"
printf 'CA4_ADMIN_USER=admin\nCA4_ADMIN_PASSWORD=adm-Pa55\nCA4_KEYSTORE_PASSWORD=ks-Pa55\n' > "$T/state/liberty.env"
printf 'stand-in \x00\xff keystore' > "$T/state/key.p12"
python3 "$REPO/make/aws/platform_objects.py" --ca-bundle "$T/state/ca.pem" --api-key-file "$T/state/api-key" \
  --liberty-env "$T/state/liberty.env" --keystore "$T/state/key.p12" > "$T/objects.json" <<'EOF'
{"documentdb_endpoint": {"value": "ca4-docdb.cluster-abc.us-east-1.docdb.amazonaws.com"},
 "documentdb_port": {"value": 27017}, "documentdb_username": {"value": "ca4admin"},
 "documentdb_password": {"value": "p#ss:w%rd"}, "region": {"value": "us-east-1"},
 "s3_bucket_name": {"value": "ca4-archive-123456789012"}}
EOF
python3 - "$T/objects.json" <<'PY' || fail "ca4-platform-setup objects (above)"
import base64, hashlib, json, sys, urllib.parse
raw = open(sys.argv[1]).read()
items = {(o["kind"], o["metadata"]["name"]): o for o in json.loads(raw)["items"]}
assert set(items) == {("Secret", "ca4-mongo-credentials"), ("ConfigMap", "ca4-s3-config"), ("Secret", "ca4-edge-api-config"),
                      ("Secret", "ca4-liberty"), ("Secret", "ca4-liberty-tls")}, items.keys()
assert all(o["metadata"]["namespace"] == "app" for o in items.values())
mongo = {k: base64.b64decode(v).decode() for k, v in items[("Secret", "ca4-mongo-credentials")]["data"].items()}
uri = urllib.parse.urlparse(mongo["CA4_MONGO_URI"])
assert uri.hostname == "ca4-docdb.cluster-abc.us-east-1.docdb.amazonaws.com" and uri.port == 27017, uri
assert urllib.parse.unquote(uri.password) == "p#ss:w%rd", "password must be URL-encoded in the URI"
query = urllib.parse.parse_qs(uri.query)
assert query["tls"] == ["true"] and query["retryWrites"] == ["false"] and query["replicaSet"] == ["rs0"], query
assert mongo["CA4_MONGO_DATABASE"] == "ca4" and mongo["CA4_MONGO_COLLECTION"] == "gpu_metadata"
assert mongo["ca.pem"].startswith("-----BEGIN CERTIFICATE-----") and mongo["CA4_MONGO_TLS_CA_FILE"] == "/etc/ca4/mongo/ca.pem"
s3 = items[("ConfigMap", "ca4-s3-config")]["data"]
assert s3["CA4_S3_BUCKET"] == "ca4-archive-123456789012" and s3["CA4_S3_REGION"] == "us-east-1" and s3["CA4_ARCHIVE_ENABLED"] == "true", s3
edge = {k: base64.b64decode(v).decode() for k, v in items[("Secret", "ca4-edge-api-config")]["data"].items()}
assert edge["CA4_API_KEYS"] == "sha256:" + hashlib.sha256(b"ca4-test-key-0123456789").hexdigest(), edge
liberty = {k: base64.b64decode(v).decode() for k, v in items[("Secret", "ca4-liberty")]["data"].items()}
assert liberty == {"CA4_ADMIN_USER": "admin", "CA4_ADMIN_PASSWORD": "adm-Pa55", "CA4_KEYSTORE_PASSWORD": "ks-Pa55"}, liberty
assert base64.b64decode(items[("Secret", "ca4-liberty-tls")]["data"]["key.p12"]) == b"stand-in \x00\xff keystore", "the keystore, byte for byte"
assert "ca4-test-key-0123456789" not in raw and "p#ss:w%rd" not in raw and "ks-Pa55" not in raw, "clear secrets must not appear outside base64 Secret data"
PY
say "ok: ca4-platform-setup builds ca4-mongo-credentials (TLS URI, CA), ca4-s3-config, ca4-edge-api-config (hashed API key), ca4-liberty and ca4-liberty-tls"
pass=$((pass + 1))

################################################################################
# ca4-platform-setup and ca4-deploy-app end to end, with a stand-in kubectl and terraform
################################################################################

listener_port=$(free_port)
python3 -c 'import socket, sys, time
s = socket.create_server(("127.0.0.1", int(sys.argv[1])))
time.sleep(120)' "$listener_port" &
listener=$!
trap 'kill $listener 2>/dev/null; rm -rf "$T"' EXIT
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$listener_port") 2>/dev/null && break; sleep 0.1; done
sed -i "s#server: https://127.0.0.1:.*#server: https://127.0.0.1:$listener_port#" "$T/kubeconfig"
cat > "$T/outputs.json" <<'EOF'
{"name_prefix": {"value": "ca4"}, "bastion_public_ip": {"value": "198.51.100.20"}, "ssh_user": {"value": "ec2-user"},
 "k3s_server_private_ip": {"value": "10.40.10.11"}, "k3s_agent_private_ips": {"value": []}, "region": {"value": "us-east-1"},
 "documentdb_endpoint": {"value": "ca4-docdb.cluster-abc.us-east-1.docdb.amazonaws.com"}, "documentdb_port": {"value": 27017},
 "documentdb_username": {"value": "ca4admin"}, "documentdb_password": {"value": "s3cret-Pa55word"},
 "s3_bucket_name": {"value": "ca4-archive-123456789012"}}
EOF
rm -f "$T/state/api-key" "$T/state/liberty.env" "$T/state/liberty-key.p12"
cp "$T/state/ca.pem" "$T/state/docdb-ca.pem"
FAKES=(CA4_KUBECTL="$REPO/make/tests/fixtures/kubectl" CA4_TERRAFORM="$REPO/ansible/tests/fixtures/terraform"
       CA4_FAKE_TF_OUTPUTS="$T/outputs.json" CA4_FAKE_KUBECTL_LOG="$T/kubectl")
for target in ca4-platform-setup ca4-deploy-app; do
  out=$("${SANDBOX[@]}" "${FAKES[@]}" $MAKE_CMD --no-print-directory "$target" "${VARS[@]}" "${FAKES[@]}" 2>&1) \
    || fail "make $target against a stand-in cluster failed:"$'\n'"$out"
done
python3 - "$T/kubectl" "$T/state/api-key" <<'PY' || fail "what ca4-platform-setup / ca4-deploy-app sent to the cluster (above)"
import base64, json, os, stat, sys
log, key_file = sys.argv[1], sys.argv[2]
argv = open(os.path.join(log, "argv")).read()
assert "s3cret-Pa55word" not in argv and open(key_file).read().strip() not in argv, "a secret was passed on a kubectl command line"
assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600, "the API key file must be 0600"
stdin = [open(os.path.join(log, f)).read() for f in sorted(os.listdir(log)) if f.startswith("stdin-")]
namespaces = [s.split("name: ")[1].strip() for s in stdin if "kind: Namespace" in s]
assert namespaces == ["platform", "app", "monitoring"], namespaces
lists = [json.loads(s) for s in stdin if s.lstrip().startswith("{")]
assert len(lists) == 1 and {i["metadata"]["name"] for i in lists[0]["items"]} == {"ca4-mongo-credentials", "ca4-s3-config", "ca4-edge-api-config", "ca4-liberty", "ca4-liberty-tls"}
keystore = os.path.join(os.path.dirname(key_file), "liberty-key.p12")
assert stat.S_IMODE(os.stat(keystore).st_mode) == 0o600, "the generated keystore must be 0600"
tls = [i for i in lists[0]["items"] if i["metadata"]["name"] == "ca4-liberty-tls"][0]
assert base64.b64decode(tls["data"]["key.p12"]) == open(keystore, "rb").read(), "ca4-liberty-tls holds the generated keystore"
liberty_env = os.path.join(os.path.dirname(key_file), "liberty.env")
assert stat.S_IMODE(os.stat(liberty_env).st_mode) == 0o600, "liberty.env must be 0600"
assert open(liberty_env).read().split("CA4_ADMIN_PASSWORD=")[1].split()[0] not in argv, "a password was passed on a kubectl command line"
overlays = [os.path.relpath(p, os.path.dirname(log)) for p in open(os.path.join(log, "overlays")).read().split()]
assert overlays == ["k8s/platform/overlays/aws", "k8s/app/overlays/aws"], overlays
rollouts = [line.split()[0] for line in open(os.path.join(log, "rollouts")).read().splitlines()]
assert rollouts == ["platform/statefulset.apps/kafka", "app/deployment.apps/processor"], rollouts
PY
say "ok: ca4-platform-setup creates the namespaces, applies the four objects on stdin (no secret on a command line), applies the platform overlay and waits; ca4-deploy-app applies the app overlay and waits"
pass=$((pass + 1))

say "PASS: $pass checks"
