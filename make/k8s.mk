# Kubernetes manifests, images and monitoring (k8s/, liberty/*/Containerfile), included by the root Makefile.

CA4_IMAGE_REGISTRY ?=
# The project version: pom.xml's own <version> (the line after <artifactId>ca4-parent</artifactId>), as the k8s
# manifests name the images (make test-k8s checks that they agree).
CA4_IMAGE_TAG      ?= $(shell sed -n '/<artifactId>ca4-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q;}' pom.xml)
CA4_MONITORING_DIR ?= .local/monitoring
DOCKER             ?= docker

.PHONY: images images-push test-k8s monitoring-up monitoring-down

images: ## Build images ca4.local/processor and ca4.local/worker (tag: the project version) from liberty/*/Containerfile (needs a Docker engine)
	@$(DOCKER) info >/dev/null 2>&1 || { echo "images: no Docker engine answers ('$(DOCKER) info' fails): build the images where Docker runs."; exit 1; }
	@$(MAKE) --no-print-directory build
	for s in processor worker; do \
	  $(DOCKER) build -f liberty/$$s/Containerfile --build-arg VERSION=$(CA4_IMAGE_TAG) -t ca4.local/$$s:$(CA4_IMAGE_TAG) . ; done

images-push: images ## Tag and push both images to CA4_IMAGE_REGISTRY (then set newName in k8s/app/overlays/aws)
	@[ -n "$(CA4_IMAGE_REGISTRY)" ] || { echo "images-push: set CA4_IMAGE_REGISTRY (e.g. ghcr.io/you/ca4)."; exit 1; }
	for s in processor worker; do \
	  $(DOCKER) tag ca4.local/$$s:$(CA4_IMAGE_TAG) $(CA4_IMAGE_REGISTRY)/$$s:$(CA4_IMAGE_TAG) && \
	  $(DOCKER) push $(CA4_IMAGE_REGISTRY)/$$s:$(CA4_IMAGE_TAG); done
	@echo "pushed; in k8s/app/overlays/aws/kustomization.yaml set newName: $(CA4_IMAGE_REGISTRY)/processor and $(CA4_IMAGE_REGISTRY)/worker"

test-k8s: secrets ## Checks of k8s/ and monitoring: render, fabric8 strict validation, WAR contract, promtool, dashboards, live panel test
	@bash k8s/tests/test-k8s.sh

monitoring-up: ## Local Prometheus (127.0.0.1:9090, the cluster's alert rules) + lag exporter against the pipeline of make run
	@bash k8s/tests/monitoring.sh up $(CA4_MONITORING_DIR) 9090 9308

monitoring-down: ## Stop what monitoring-up started (idempotent)
	@bash k8s/tests/monitoring.sh down $(CA4_MONITORING_DIR)
