# Kubernetes manifests, images and monitoring (k8s/, liberty/*/Containerfile), included by the root Makefile.

CA4_IMAGE_REGISTRY ?=
# The project version: pom.xml's own <version> (the line after <artifactId>ca4-parent</artifactId>), as the k8s
# manifests name the images (make test-k8s checks that they agree).
CA4_IMAGE_TAG      ?= $(shell sed -n '/<artifactId>ca4-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q;}' pom.xml)
CA4_MONITORING_DIR ?= .local/monitoring
DOCKER             ?= docker
# images-push uses the engine make images built with: Docker when it answers, else podman.
IMAGE_TOOL          = $(shell $(DOCKER) info >/dev/null 2>&1 && echo $(DOCKER) || echo podman)

.PHONY: base-image images images-push test-images test-k8s monitoring-up monitoring-down

base-image: ## Build the local Open Liberty base (Debian + JRE 17 + the build's Liberty, minified) with podman, for machines without a registry
	@test -x processor-war/target/liberty/wlp/bin/server || $(MAKE) --no-print-directory build
	@bash make/images/base-image.sh

images: ## Build images ca4.local/processor, ca4.local/worker and ca4.local/search (tag: the project version): Docker on the official base, else podman on make base-image's
	@$(MAKE) --no-print-directory build
	@DOCKER=$(DOCKER) bash make/images/images.sh $(CA4_IMAGE_TAG)

# The containers use the host's network and the fixed ports: make run's pipeline is stopped first. Under make test
# the build of test-java is reused (make build only when its output is missing); the images are rebuilt from it
# with podman (DOCKER=false), which the test runs them with.
test-images: secrets ## Run the processor and worker images with podman as the k8s manifests do (read-only, uid 1001), SIGTERM under load, kube play of overlays/local
	@test -f processor-war/target/processor-war.war -a -f worker-war/target/worker-war.war -a -f $(CHAOS_JAR) \
	  -a -f search-war/target/search-war.war -a -f $(DEMO_JAR) -a -x processor-war/target/liberty/wlp/bin/server \
	  || $(MAKE) --no-print-directory build
	@DOCKER=false bash make/images/images.sh $(CA4_IMAGE_TAG)
	@$(MAKE) --no-print-directory stop
	@bash make/images/test-failures.sh $(CA4_IMAGE_TAG)
	@bash make/images/test-images.sh $(CA4_IMAGE_TAG) 2>&1 | tee $(LOCAL_HOME)/test-images.log
	@grep -q "removing the container(s) an earlier run left: ca4-test-processor" $(LOCAL_HOME)/test-images.log \
	  || { echo "test-images: the stale container test-failures.sh left was not named and removed"; exit 1; }

images-push: images ## Tag and push the three images to CA4_IMAGE_REGISTRY (then set newName in k8s/app/overlays/aws)
	@[ -n "$(CA4_IMAGE_REGISTRY)" ] || { echo "images-push: set CA4_IMAGE_REGISTRY (e.g. ghcr.io/you/ca4)."; exit 1; }
	for s in processor worker search; do \
	  $(IMAGE_TOOL) tag ca4.local/$$s:$(CA4_IMAGE_TAG) $(CA4_IMAGE_REGISTRY)/$$s:$(CA4_IMAGE_TAG) && \
	  $(IMAGE_TOOL) push $(CA4_IMAGE_REGISTRY)/$$s:$(CA4_IMAGE_TAG); done
	@echo "pushed; in k8s/app/overlays/aws/kustomization.yaml set newName: $(CA4_IMAGE_REGISTRY)/processor, $(CA4_IMAGE_REGISTRY)/worker and $(CA4_IMAGE_REGISTRY)/search"

test-k8s: secrets ## Checks of k8s/ and monitoring: render, fabric8 strict validation, WAR contract, promtool, dashboards, live panel test
	@bash k8s/tests/test-k8s.sh

monitoring-up: ## Local Prometheus (127.0.0.1:9090, the cluster's alert rules) + lag exporter against the pipeline of make run
	@bash k8s/tests/monitoring.sh up $(CA4_MONITORING_DIR) 9090 9308

monitoring-down: ## Stop what monitoring-up started (idempotent)
	@bash k8s/tests/monitoring.sh down $(CA4_MONITORING_DIR)
