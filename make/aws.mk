# The AWS side of the CA4 make contract (docs/design.md), included by the root Makefile.
# Sequence: ca4-plan, ca4-apply, ca4-bootstrap-k3s, tunnel-k3s, ca4-platform-setup, ca4-deploy-edge,
# ca4-deploy-monitoring, ca4-verify-*; walkthrough in docs/aws.md. Every target checks its
# prerequisites first and stops with one sentence when one is missing (make/aws/lib.sh, `require`).

################################################################################
# Settings (override on the command line: make ca4-bootstrap-k3s CA4_SSH_KEY=~/.ssh/other.pem)
################################################################################

CA4_TF_DIR              ?= terraform
CA4_ANSIBLE_DIR         ?= ansible
CA4_K8S_DIR             ?= k8s
CA4_K8S_OVERLAY         ?= aws
CA4_STATE_DIR           ?= .local/aws
CA4_KUBECONFIG          ?= kubeconfigs/ca4-kubeconfig
CA4_INVENTORY           ?= $(CA4_ANSIBLE_DIR)/inventory.yml
CA4_ANSIBLE_ARGS        ?=
CA4_SSH_KEY             ?= $(HOME)/.ssh/ca4.pem
CA4_BASTION_USER        ?=
CA4_K3S_AIRGAP_DIR      ?=
CA4_K3S_TUNNEL_PORT     ?= 16443
CA4_KAFKA_TUNNEL_PORT   ?= 19092
CA4_GRAFANA_TUNNEL_PORT ?= 3000
CA4_EDGE_API_URL        ?=
CA4_PROCESSOR_SVC       ?= processor
CA4_PROCESSOR_PORT      ?= 9080
CA4_WORKER_SVC          ?= worker
CA4_WORKER_PORT         ?= 9081
CA4_KAFKA_POD           ?= kafka-0
CA4_KAFKA_BIN           ?= /opt/kafka/bin
CA4_MONGOSH_IMAGE       ?= mongo:7.0
CA4_WAIT_TIMEOUT        ?= 300s
CA4_AUTO_APPROVE        ?=
CA4_TERRAFORM           ?= terraform
CA4_KUBECTL             ?= kubectl

CA4_AWS_SCRIPTS := make/aws
CA4_SETTINGS    := CA4_TF_DIR CA4_ANSIBLE_DIR CA4_K8S_DIR CA4_K8S_OVERLAY CA4_STATE_DIR CA4_KUBECONFIG CA4_INVENTORY \
                   CA4_SSH_KEY CA4_BASTION_USER CA4_K3S_AIRGAP_DIR CA4_K3S_TUNNEL_PORT CA4_KAFKA_TUNNEL_PORT \
                   CA4_GRAFANA_TUNNEL_PORT CA4_EDGE_API_URL CA4_PROCESSOR_SVC CA4_PROCESSOR_PORT CA4_WORKER_SVC \
                   CA4_WORKER_PORT CA4_KAFKA_POD CA4_KAFKA_BIN CA4_MONGOSH_IMAGE CA4_WAIT_TIMEOUT CA4_TERRAFORM \
                   CA4_KUBECTL
# $(call ca4,TARGET,SCRIPT ARGS): run a helper with the settings above, naming the target in messages.
ca4 = $(foreach v,$(CA4_SETTINGS),$(v)='$($(v))') CA4_TARGET='$(1)' bash $(CA4_AWS_SCRIPTS)/$(2)

.PHONY: ca4-plan ca4-apply ca4-destroy ca4-inventory ca4-bootstrap-k3s ca4-reset-k3s ca4-platform-setup \
        ca4-deploy-edge ca4-deploy-app ca4-deploy-monitoring ca4-verify-preflight ca4-verify-kafka \
        ca4-verify-db ca4-verify-e2e tunnel-kafka tunnel-grafana tunnel-k3s tunnel-close test-infra

################################################################################
# Terraform (delegates to terraform/Makefile)
################################################################################

ca4-plan: ## AWS: plan the VPC, bastion, K3s nodes, DocumentDB and S3 (needs AWS credentials, terraform.tfvars)
	@$(MAKE) --no-print-directory -C $(CA4_TF_DIR) plan TERRAFORM=$(CA4_TERRAFORM)

ca4-apply: ## AWS: create or update the infrastructure (applies the reviewed plan when there is one)
	@$(MAKE) --no-print-directory -C $(CA4_TF_DIR) apply TERRAFORM=$(CA4_TERRAFORM) AUTO_APPROVE=$(CA4_AUTO_APPROVE)

ca4-destroy: ## AWS: close the tunnels and destroy every AWS resource (prompts; CA4_AUTO_APPROVE=1 skips)
	@$(call ca4,$@,tunnel.sh close) >/dev/null
	@$(MAKE) --no-print-directory -C $(CA4_TF_DIR) destroy TERRAFORM=$(CA4_TERRAFORM) AUTO_APPROVE=$(CA4_AUTO_APPROVE)

################################################################################
# K3s through the bastion (Ansible)
################################################################################

ca4-inventory: ## AWS: write ansible/inventory.yml and the SSH config (ProxyJump via the bastion) from Terraform outputs
	@$(call ca4,$@,inventory.sh)

ca4-bootstrap-k3s: ## AWS: install K3s on the nodes through the bastion and write kubeconfigs/ca4-kubeconfig
	@$(call ca4,$@,check.sh ansible terraform tf-outputs ssh-key airgap-dir)
	@$(call ca4,$@,inventory.sh)
	cd $(CA4_ANSIBLE_DIR) && ansible-playbook -i $(abspath $(CA4_INVENTORY)) playbooks/site.yml \
	  -e k3s_kubeconfig_local_path=$(abspath $(CA4_KUBECONFIG)) \
	  -e k3s_kubeconfig_server_url=https://127.0.0.1:$(CA4_K3S_TUNNEL_PORT) $(CA4_ANSIBLE_ARGS)
	@echo "ca4-bootstrap-k3s: K3s is up; kubeconfig in $(CA4_KUBECONFIG) (server https://127.0.0.1:$(CA4_K3S_TUNNEL_PORT)): run 'make tunnel-k3s' next."

ca4-reset-k3s: ## AWS: remove K3s from the nodes (ansible playbooks/reset.yml) and the local kubeconfig
	@$(call ca4,$@,check.sh ansible terraform tf-outputs ssh-key)
	@$(call ca4,$@,inventory.sh)
	cd $(CA4_ANSIBLE_DIR) && ansible-playbook -i $(abspath $(CA4_INVENTORY)) playbooks/reset.yml \
	  -e k3s_kubeconfig_local_path=$(abspath $(CA4_KUBECONFIG)) $(CA4_ANSIBLE_ARGS)

################################################################################
# Kubernetes (kubectl through tunnel-k3s)
################################################################################

ca4-platform-setup: ## AWS: namespaces, Secrets/ConfigMaps from Terraform outputs, then the platform overlay (Kafka)
	@$(call ca4,$@,check.sh kubectl curl k8s:platform terraform tf-outputs kubeconfig k3s-api)
	@$(call ca4,$@,platform-setup.sh)

ca4-deploy-edge: ## AWS: deploy Kafka, the processor and the worker (platform + app overlays) and wait until ready
	@$(call ca4,$@,check.sh kubectl k8s:platform k8s:app kubeconfig k3s-api platform-config)
	@$(call ca4,$@,deploy.sh platform app)

ca4-deploy-app: ## AWS: deploy the processor and the worker (app overlay) and wait until ready
	@$(call ca4,$@,check.sh kubectl k8s:app kubeconfig k3s-api platform-config)
	@$(call ca4,$@,deploy.sh app)

ca4-deploy-monitoring: ## AWS: deploy Prometheus, Loki, Promtail and Grafana (monitoring overlay)
	@$(call ca4,$@,check.sh kubectl k8s:monitoring kubeconfig k3s-api)
	@$(call ca4,$@,deploy.sh monitoring)

################################################################################
# Verification
################################################################################

ca4-verify-preflight: ## AWS: every node Ready, namespaces and config present, every workload ready
	@$(call ca4,$@,check.sh kubectl kubeconfig k3s-api)
	@$(call ca4,$@,verify.sh preflight)

ca4-verify-kafka: ## AWS: the Kafka broker is Ready and topics gpu-metadata and gpu-metadata-dlq exist
	@$(call ca4,$@,check.sh kubectl kubeconfig k3s-api)
	@$(call ca4,$@,verify.sh kafka)

ca4-verify-db: ## AWS: insert, read and delete a document in DocumentDB from a pod with the app's credentials
	@$(call ca4,$@,check.sh kubectl kubeconfig k3s-api)
	@$(call ca4,$@,verify.sh db)

ca4-verify-e2e: ## AWS: POST an event to the processor and wait until the worker has stored it
	@$(call ca4,$@,check.sh kubectl curl kubeconfig api-key k3s-api)
	@$(call ca4,$@,verify.sh e2e)

################################################################################
# Tunnels through the bastion (local side: K3s API 16443, Kafka 19092, Grafana 3000)
################################################################################

tunnel-k3s: ## AWS: SSH tunnel 127.0.0.1:16443 -> K3s API (6443) through the bastion
	@$(call ca4,$@,tunnel.sh open k3s)

tunnel-kafka: ## AWS: SSH tunnel 127.0.0.1:19092 -> Kafka's external listener (NodePort) through the bastion
	@$(call ca4,$@,tunnel.sh open kafka)

tunnel-grafana: ## AWS: SSH tunnel 127.0.0.1:3000 -> Grafana (NodePort) through the bastion
	@$(call ca4,$@,tunnel.sh open grafana)

tunnel-close: ## AWS: close every tunnel opened by the tunnel-* targets
	@$(call ca4,$@,tunnel.sh close)

################################################################################
# Offline checks of terraform/, ansible/ and this fragment (run by `make test`)
################################################################################

test-infra: ## Offline infrastructure checks: terraform fmt/validate/test, ansible-lint, playbook run in namespaces, make contract
	@bash make/tests/test-infra.sh
