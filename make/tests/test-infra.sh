#!/usr/bin/env bash
# `make test-infra`: every offline check of terraform/, ansible/ and make/aws.mk.
#
#   1. tools        install the Debian packages the checks need when they are missing
#   2. terraform    fmt -check -recursive; init -backend=false from the local provider mirror;
#                   validate; terraform test (mock AWS provider, terraform/tests/*.tftest.hcl)
#   3. lint         ansible-lint (production profile); --syntax-check of site.yml and reset.yml;
#                   and a shell linter over the helper and test scripts
#   4. contract     make/tests/contract-test.sh: every AWS make target exists and fails with its
#                   one-sentence message when its prerequisites are missing
#   5. namespaces   ansible/tests/namespace-test.sh: the real playbook run, twice, through a
#                   bastion, against test hosts in network namespaces
#
# A check that cannot run here at all (no provider mirror, no terraform binary, no root for the
# namespaces) prints "SKIPPED: <reason>" and is listed again at the end; everything else must pass.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
TF_PLUGIN_DIR=${TF_PLUGIN_DIR:-/opt/tf-plugins}
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0
# An unreadable CLI config only warns, but it warns on every command.
[ -r "${TF_CLI_CONFIG_FILE:-/nonexistent}" ] || export TF_CLI_CONFIG_FILE=/dev/null

SKIPPED=()
T=$(mktemp -d /tmp/ca4-test-infra.XXXXXX)
trap 'rm -rf "$T"' EXIT
started=$(date +%s)

section() { printf '\n=== test-infra: %s\n' "$*"; }
skip() { printf '\nSKIPPED: %s\n\n' "$*"; SKIPPED+=("$*"); }
fail() { printf '\ntest-infra FAILED: %s\n' "$*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

################################################################################
section "1/5 tools"
################################################################################

declare -A PACKAGE_OF=([ansible-playbook]=ansible [ansible-lint]=ansible-lint [sshd]=openssh-server
                       [ssh]=openssh-client [ssh-keygen]=openssh-client [ip]=iproute2 [nsenter]=util-linux
                       [flock]=util-linux [python3]=python3 [make]=make [shellcheck]=shellcheck)
missing=()
for tool in "${!PACKAGE_OF[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("${PACKAGE_OF[$tool]}")
done
python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
if [ ${#missing[@]} -gt 0 ]; then
  packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing: $packages"
    t0=$(date +%s)
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null
    echo "installed in $(elapsed "$t0")"
  else
    echo "missing and not installable here (needs root and apt-get): $packages"
  fi
else
  echo "all present: $(ansible --version 2>/dev/null | sed -n 1p), ansible-lint, openssh, iproute2, util-linux"
fi

################################################################################
section "2/5 terraform"
################################################################################

if ! command -v terraform >/dev/null 2>&1; then
  skip "terraform is not installed (it is not in the Debian archive): fmt, validate and terraform test did not run"
else
  terraform version | sed -n 1p   # sed reads it all: head would leave terraform a SIGPIPE (exit 141 under pipefail)
  terraform -chdir=terraform fmt -check -recursive -diff || fail "terraform fmt -check -recursive: run 'terraform -chdir=terraform fmt -recursive'"
  echo "ok: terraform fmt -check -recursive"
  if ! ls "$TF_PLUGIN_DIR"/registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws* >/dev/null 2>&1; then
    skip "the AWS provider mirror $TF_PLUGIN_DIR is absent (set TF_PLUGIN_DIR): terraform init, validate and test did not run"
  else
    # A copy, so an operator's .terraform, lock file and state are neither used nor changed.
    cp -a terraform "$T/tf"
    rm -rf "$T/tf/.terraform" "$T/tf/.terraform.lock.hcl" "$T"/tf/*.tfstate* "$T"/tf/*.tfvars "$T"/tf/*.tfplan
    t0=$(date +%s)
    terraform -chdir="$T/tf" init -backend=false -plugin-dir="$TF_PLUGIN_DIR" -input=false >"$T/tf-init.log" 2>&1 \
      || { cat "$T/tf-init.log"; fail "terraform init -backend=false -plugin-dir=$TF_PLUGIN_DIR"; }
    echo "ok: terraform init -backend=false -plugin-dir=$TF_PLUGIN_DIR"
    terraform -chdir="$T/tf" validate -no-color || fail "terraform validate"
    terraform -chdir="$T/tf" test -no-color >"$T/tf-test.log" 2>&1 || { cat "$T/tf-test.log"; fail "terraform test"; }
    grep -E '^\s+run "|\.tftest\.hcl\.\.\. (pass|fail)|passed' "$T/tf-test.log" | grep -v 'in progress\|tearing down'
    echo "ok: terraform test ($(elapsed "$t0") with init and validate)"
  fi
fi

################################################################################
section "3/5 lint: ansible-lint, syntax, shellcheck"
################################################################################

if ! command -v ansible-playbook >/dev/null 2>&1 || ! command -v ansible-lint >/dev/null 2>&1; then
  fail "ansible-playbook or ansible-lint is missing and could not be installed (run as root on Debian, or install them)"
fi
(cd ansible && ansible-lint --offline --profile production 2>&1 | tail -n 25) || fail "ansible-lint --profile production"
echo "ok: ansible-lint, production profile"
for playbook in site reset; do
  (cd ansible && ansible-playbook --syntax-check -i inventory-sample.yml "playbooks/$playbook.yml" >/dev/null) \
    || fail "ansible-playbook --syntax-check playbooks/$playbook.yml"
done
echo "ok: ansible-playbook --syntax-check playbooks/site.yml playbooks/reset.yml"
if command -v shellcheck >/dev/null 2>&1; then
  shellcheck -x -S warning make/aws/*.sh make/tests/*.sh make/tests/fixtures/kubectl ansible/tests/*.sh \
    ansible/tests/fixtures/terraform || fail "shellcheck of the make/aws, make/tests and ansible/tests scripts"
  echo "ok: shellcheck (warnings and errors) of the make/aws, make/tests and ansible/tests scripts"
else
  skip "shellcheck is not installed and could not be installed: the shell scripts were not linted"
fi

################################################################################
section "4/5 make contract"
################################################################################

bash make/tests/contract-test.sh

################################################################################
section "5/5 playbook run against namespace test hosts"
################################################################################

if [ "$(id -u)" != 0 ]; then
  skip "not root: the namespace test (real playbook run through a bastion) needs root for network namespaces"
else
  out="$T/namespace-test.log"
  set +e
  bash ansible/tests/namespace-test.sh 2>&1 | tee "$out" | grep -E '^\[ansible-test\] (run|reset|PASS|FAIL|SKIPPED)|^    |second run|SKIPPED'
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" = 0 ] || { tail -n 40 "$out"; fail "ansible/tests/namespace-test.sh"; }
  if grep -q "SKIPPED:" "$out"; then skip "$(sed -n 's/.*SKIPPED: //p' "$out" | head -n1)"; fi
  echo "ok: $(grep -c '^\[ansible-test\] ok:' "$out") assertions on the test hosts"
fi

################################################################################
printf '\n=== test-infra: done in %s\n' "$(elapsed "$started")"
for s in "${SKIPPED[@]}"; do printf 'SKIPPED: %s\n' "$s"; done
[ ${#SKIPPED[@]} -eq 0 ] && echo "test-infra: all checks ran and passed" || echo "test-infra: passed, with ${#SKIPPED[@]} check(s) SKIPPED (see above)"
