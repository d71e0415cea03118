# CA4 GPU metadata pipeline. `make run` starts everything locally; `make test` runs every test.
# Ports and names are fixed (docs/design.md); override the variables below only if you know why.
SHELL        := /bin/bash
.SHELLFLAGS  := -eu -o pipefail -c
.DEFAULT_GOAL := help

LOCAL_HOME   ?= .local
MVN          ?= mvn -B -ntp
STACK_JAR    := local-stack/target/local-stack.jar
STACK        := java -jar $(STACK_JAR)
HOME_OPT     := --home $(LOCAL_HOME)
DEMO_JAR     := demo-client/target/demo-client.jar
PRODUCER_JAR := producer-dl4j/target/ca4-producer-cpu.jar
# make run embeds these with the DL4J producer; random weights because the ImageNet file needs a download
# (PRODUCER_WEIGHTS=imagenet uses ~/.deeplearning4j/models/resnet50/resnet50_dl4j_inference.v3.zip).
SAMPLE_IMAGES ?= producer-dl4j/samples
PRODUCER_WEIGHTS ?= random
RECEIPTS     := $(LOCAL_HOME)/producer-receipts.jsonl
SECRETS      := $(LOCAL_HOME)/secrets.env
PROCESSOR    := processor-war/target/liberty/wlp/bin/server
WORKER       := worker-war/target/liberty/wlp/bin/server
PROCESSOR_URL ?= http://localhost:9080
WORKER_URL   ?= http://localhost:9081
SEARCH_URL   ?= http://localhost:9082
PROCESSOR_HTTPS := https://localhost:9443
WORKER_HTTPS    := https://localhost:9444
SEARCH_HTTPS    := https://localhost:9445
# The processor's certificate (Liberty generates a self-signed key.p12 on its first start), as a truststore
# for the producer. It holds only a public certificate: its password is not a secret.
PROCESSOR_KEYSTORE := processor-war/target/liberty/wlp/usr/servers/processor/resources/security/key.p12
TRUSTSTORE   := $(LOCAL_HOME)/ca4-truststore.p12
TRUSTSTORE_PASSWORD := changeit

# Local settings + generated secrets, exported to Maven, Liberty and the clients.
WITH_ENV := set -a; source local.env; source $(SECRETS); CA4_LOCAL_HOME=$(abspath $(LOCAL_HOME)); set +a;

-include make/*.mk

.PHONY: help build secrets stack-up stack-down servers-up servers-down truststore run stop status test test-java \
        run-local-processor stop-local-processor verify-kafka verify-preflight verify-workflow bench bench-pipeline bench-producer bench-search bench-search-real bench-search-service bench-search-restart bench-search-lucene restore \
        chaos test-chaos soak mutation test-notebook clean

help: ## List every target
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sort -u | \
	  awk 'BEGIN{FS=":.*## "}{printf "  %-26s %s\n", $$1, $$2}'

build: ## Build every module and prepare the three Liberty servers (no tests)
	$(MVN) -q install -DskipTests -DskipITs

secrets: $(SECRETS) ## Generate local secrets (API key, admin and keystore passwords) once

$(SECRETS):
	@mkdir -p $(LOCAL_HOME)
	@umask 077; { \
	  echo "CA4_API_KEYS=ca4-local-$$(openssl rand -hex 16)"; \
	  echo "CA4_ADMIN_USER=admin"; \
	  echo "CA4_ADMIN_PASSWORD=$$(openssl rand -hex 12)"; \
	  echo "CA4_KEYSTORE_PASSWORD=$$(openssl rand -hex 12)"; \
	} > $@
	@echo "generated $@ (API key, admin and keystore passwords)"

stack-up: secrets ## Start Kafka, the Mongo-compatible store and the S3 server (idempotent)
	@test -f $(STACK_JAR) || $(MVN) -q install -DskipTests -DskipITs -pl local-stack -am
	$(STACK) start $(HOME_OPT)

stack-down: ## Stop the local stack (idempotent)
	@if [ -f $(STACK_JAR) ]; then $(STACK) stop $(HOME_OPT); fi

# The Liberty servers servers-up starts, by name (<name>-war/target/liberty/wlp/bin/server): make bench and make
# chaos start only the processor and the worker, whose figures the search service's indexing would disturb.
SERVERS ?= processor worker search
server-script = $(1)-war/target/liberty/wlp/bin/server
ready-url = $(if $(filter processor,$(1)),$(PROCESSOR_URL),$(if $(filter worker,$(1)),$(WORKER_URL),$(SEARCH_URL)))/health/ready

# A running server whose WAR the build replaced is restarted (the marker .local/<server>.started
# tells which build it runs): Liberty's hot redeploy of a packaged WAR deletes the old jars before
# the old application's Kafka consumer closes, and that consumer keeps its partitions until
# max.poll.interval.ms (5 min), so nothing is consumed meanwhile.
servers-up: secrets ## Start the processor (9080/9443), worker (9081/9444) and search (9082/9445) Liberty servers (restart on a new build)
	@$(WITH_ENV) for s in $(foreach n,$(SERVERS),"$(call server-script,$(n)) $(n)"); do \
	  set -- $$s; war=$$(dirname $$1)/../usr/servers/$$2/apps/$$2-war.war; marker=$(LOCAL_HOME)/$$2.started; \
	  if $$1 status $$2 >/dev/null 2>&1; then \
	    if [ -f $$marker ] && [ ! $$war -nt $$marker ]; then echo "$$2 already running"; continue; fi; \
	    $$1 stop $$2 >/dev/null && echo "$$2 stopped (new build)"; fi; \
	  touch $$marker; $$1 start $$2 --clean >/dev/null && echo "$$2 started"; done
	@$(MAKE) --no-print-directory wait-ready

# The search service is ready once it has read the topic to its end (a restart reloads its snapshot first).
wait-ready:
	@for u in $(foreach n,$(SERVERS),$(call ready-url,$(n))); do \
	  for i in $$(seq 1 90); do curl -fs $$u >/dev/null && break; sleep 1; \
	    [ $$i -lt 90 ] || { echo "not ready: $$u"; curl -s $$u; exit 1; }; done; echo "ready: $$u"; done

servers-down: ## Stop the Liberty servers (idempotent)
	@for n in processor worker search; do s=$$(echo $(call server-script,$$n)); \
	  if [ -x $$s ] && $$s status $$n >/dev/null 2>&1; then $$s stop $$n >/dev/null && echo "$$n stopped"; fi; done

truststore: ## Export the running processor's TLS certificate into .local/ca4-truststore.p12 (for the producer)
	@test -f $(PROCESSOR_KEYSTORE) || { echo "no $(PROCESSOR_KEYSTORE): start the processor first (make servers-up)"; exit 1; }
	@$(WITH_ENV) rm -f $(TRUSTSTORE) $(TRUSTSTORE).pem; \
	  out=$$(keytool -exportcert -rfc -alias default -keystore $(PROCESSOR_KEYSTORE) -storetype PKCS12 \
	    -storepass "$$CA4_KEYSTORE_PASSWORD" -file $(TRUSTSTORE).pem 2>&1) || { echo "$$out"; exit 1; }; \
	  out=$$(keytool -importcert -noprompt -alias ca4-processor -file $(TRUSTSTORE).pem -keystore $(TRUSTSTORE) \
	    -storetype PKCS12 -storepass $(TRUSTSTORE_PASSWORD) 2>&1) || { echo "$$out"; exit 1; }; rm -f $(TRUSTSTORE).pem; \
	  echo "truststore: $(TRUSTSTORE) (the processor's certificate; password $(TRUSTSTORE_PASSWORD))"

run: build stack-up servers-up ## Build, start the whole pipeline, embed the sample images (DL4J producer) through it, leave it running
	@$(MAKE) --no-print-directory truststore
	@$(WITH_ENV) CA4_TRUSTSTORE_PASSWORD=$(TRUSTSTORE_PASSWORD) java -jar $(PRODUCER_JAR) --api $(PROCESSOR_HTTPS) \
	  --truststore $(TRUSTSTORE) --weights $(PRODUCER_WEIGHTS) --receipts $(RECEIPTS) $(SAMPLE_IMAGES)
	@java -cp $(DEMO_JAR) dev.ca4.demo.AwaitStored --receipts $(RECEIPTS) --worker $(WORKER_URL)
	@$(WITH_ENV) java -cp $(DEMO_JAR) dev.ca4.demo.ShowSimilar --receipts $(RECEIPTS) --search $(SEARCH_URL)
	@$(WITH_ENV) echo; echo "Pipeline running:"; \
	 echo "  processor API      $(PROCESSOR_HTTPS)/metadata   $(PROCESSOR_URL)/metadata   (X-API-Key: see $(SECRETS))"; \
	 echo "  TLS truststore     $(TRUSTSTORE)  (the processor's self-signed certificate; password $(TRUSTSTORE_PASSWORD))"; \
	 echo "  worker read API    $(WORKER_HTTPS)/documents?limit=5   $(WORKER_URL)/stats"; \
	 echo "  search API         $(SEARCH_HTTPS)/similar/<event_id>?k=5   POST $(SEARCH_URL)/search   (same X-API-Key)"; \
	 echo "  health             $(PROCESSOR_URL)/health   $(WORKER_URL)/health   $(SEARCH_URL)/health"; \
	 echo "  metrics            $(PROCESSOR_URL)/metrics  $(WORKER_URL)/metrics  $(SEARCH_URL)/metrics"; \
	 echo "  OpenAPI UI         $(PROCESSOR_HTTPS)/openapi/ui   $(WORKER_HTTPS)/openapi/ui   $(SEARCH_HTTPS)/openapi/ui"; \
	 echo "  admin center       $(PROCESSOR_HTTPS)/adminCenter   $(WORKER_HTTPS)/adminCenter   $(SEARCH_HTTPS)/adminCenter  (user $$CA4_ADMIN_USER, password in $(SECRETS))"; \
	 echo "Stop it with: make stop"

stop: servers-down stack-down ## Stop the Liberty servers, then the local stack (idempotent)

status: ## Show what runs
	@if [ -f $(STACK_JAR) ]; then $(STACK) status $(HOME_OPT) || true; else echo "local stack: not built"; fi
	@for n in processor worker search; do s=$$(echo $(call server-script,$$n)); \
	  if [ -x $$s ] && $$s status $$n >/dev/null 2>&1; then echo "$$n: running"; else echo "$$n: stopped"; fi; done

run-local-processor: build stack-up ## Start only the processor (for dev mode / ngrok)
	@$(WITH_ENV) $(PROCESSOR) start processor --clean

stop-local-processor: ## Stop only the processor
	@$(PROCESSOR) stop processor || true

verify-preflight: ## Check the tools the local path needs
	@for t in java mvn curl openssl; do command -v $$t >/dev/null || { echo "missing: $$t"; exit 1; }; done
	@java -version 2>&1 | head -1; echo "preflight ok"

verify-kafka: ## Check the local broker and both topics
	$(STACK) status kafka $(HOME_OPT)

verify-workflow: ## Send sample events through the running pipeline and wait until stored
	@$(WITH_ENV) java -jar $(DEMO_JAR) --api $(PROCESSOR_URL) --worker $(WORKER_URL) --count 20

test: secrets ## Run every test: unit, integration (real Kafka, store, S3, Liberty), infrastructure
	@$(MAKE) --no-print-directory stop
	@$(MAKE) --no-print-directory test-java
	@$(MAKE) --no-print-directory test-chaos
	@$(MAKE) --no-print-directory test-k8s
	@$(MAKE) --no-print-directory test-infra
	@if [ "$$(id -u)" = 0 ]; then $(MAKE) --no-print-directory test-images; \
	  else echo "SKIPPED: make test-images needs root (podman runs rootful on these machines: docs/containers.md)"; fi

# The integration tests run on a stack of their own, started empty under $(TEST_HOME): the data of
# `make run` is neither used nor changed (its stack is stopped first: the ports are the same).
TEST_HOME := $(LOCAL_HOME)/test
# The servers under test also accept the ITs' own keys (processor-war it/.../TestKeys.java): a second key
# (rotation), a revoked one that is still listed (its sha256 in CA4_API_REVOKED_KEYS), one limited to 1 event/s.
IT_KEYS := ca4-it-second-key,ca4-it-revoked-key,ca4-it-limited-key
IT_ENV  := CA4_API_KEYS=$$CA4_API_KEYS,$(IT_KEYS) \
  CA4_API_REVOKED_KEYS=sha256:$$(printf %s ca4-it-revoked-key | sha256sum | cut -d' ' -f1) \
  CA4_API_RATE_LIMIT_PER_KEY=ca4-it-limited-key=1/10 \
  CA4_SEARCH_TRAINING_VECTORS=512 CA4_SEARCH_GRAPH_SAVE_MS=1000
# (the search IT indexes 770 vectors: with the quantizer trained at 512 its graph answers, not only the exact scan;
# the graph is saved every second so that its kill -9 test restarts from a saved graph)
# $(call deb-need,CHECK,PACKAGES): installs the Debian PACKAGES when the shell command CHECK fails.
deb-need = $(1) >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $(2); }
# The producer's Keras-weights test writes its .npz with Debian's NumPy.
NUMPY := $(call deb-need,/usr/bin/python3 -c 'import numpy',python3-numpy)

test-java:
	@$(NUMPY)
	$(MVN) -q install -DskipTests -DskipITs -pl local-stack -am
	rm -rf $(TEST_HOME)/data
	$(STACK) start --home $(TEST_HOME)
	rc=0; $(WITH_ENV) CA4_LOCAL_HOME=$(abspath $(TEST_HOME)) $(IT_ENV) $(MVN) verify -Pfuzz || rc=$$?; \
	  $(STACK) stop --home $(TEST_HOME); exit $$rc

# `make bench-pipeline` runs on a stack of its own, started empty under $(BENCH_HOME): make run's data is untouched, and
# its pipeline is stopped first (the ports are the same). Everything the bench started is stopped at the end.
BENCH_HOME := $(LOCAL_HOME)/bench
BENCH_JAR  := bench/target/bench.jar
BENCH_ARGS ?=
# The local store's backend for the bench: h2 (make run's, one file on disk) or memory (the worker's own speed,
# without mongo-java-server's H2 cost); bench/README.md compares both.
BENCH_MONGO_BACKEND ?= h2
# `make bench` records every target the issues set, one benchmark after the other (~55 min on 2 cores; each writes
# its JSON to bench/results/): the pipeline, the search service under load, the similarity index alone, the index
# on real embeddings.
bench: ## Every benchmark with a target: bench-pipeline, bench-search-service, bench-search, bench-search-real (BENCH_ARGS=--quick: shorter pipeline runs)
	@$(MAKE) --no-print-directory bench-pipeline
	@$(MAKE) --no-print-directory bench-search-service
	@$(MAKE) --no-print-directory bench-search
	@$(MAKE) --no-print-directory bench-search-real

bench-pipeline: secrets ## Measure ingest, worker drain, end-to-end latency, record bytes, producer embeddings/s vs PyTorch (BENCH_ARGS=--quick: a short run)
	@$(call deb-need,command -v wrk,wrk)
	@$(BENCH_TORCH)
	$(MVN) -q install -DskipTests -DskipITs
	@$(MAKE) --no-print-directory stop
	$(STACK) stop --home $(BENCH_HOME)
	rm -rf $(BENCH_HOME)/data
	CA4_LOCAL_MONGO_BACKEND=$(BENCH_MONGO_BACKEND) $(STACK) start --home $(BENCH_HOME)
	rc=0; ( $(MAKE) --no-print-directory servers-up SERVERS="processor worker" && { $(WITH_ENV) java -Xmx1g -jar $(BENCH_JAR) \
	  --store-backend $(BENCH_MONGO_BACKEND) $(BENCH_ARGS); } ) \
	  || rc=$$?; $(MAKE) --no-print-directory servers-down; $(STACK) stop --home $(BENCH_HOME); exit $$rc

# The search service under the pipeline's load (docs/similarity-search.md): POST->searchable at 200 events/s, then
# queries from 8 clients over HTTP; on a bench stack of its own, like make bench-pipeline, with all three servers.
bench-search-service: secrets ## Measure the search service: POST->searchable p50/p99 at 200 events/s, query p99 with 8 clients
	$(MVN) -q install -DskipTests -DskipITs
	@$(MAKE) --no-print-directory stop
	$(STACK) stop --home $(BENCH_HOME)
	rm -rf $(BENCH_HOME)/data
	$(STACK) start --home $(BENCH_HOME)
	rc=0; ( $(MAKE) --no-print-directory servers-up && { $(WITH_ENV) java -Xmx1g -jar $(BENCH_JAR) \
	  --scenarios search $(BENCH_ARGS); } ) \
	  || rc=$$?; $(MAKE) --no-print-directory servers-down; $(STACK) stop --home $(BENCH_HOME); exit $$rc

# The similarity index alone (search-index, docs/similarity-search.md): no stack, no fixed ports.
BENCH_SEARCH_ARGS ?=
bench-search: ## Measure the similarity index alone: recall@10 vs exact, query p99 with 8 clients, RAM per vector (100,000 x 2,048-d)
	$(MVN) -q install -DskipTests -DskipITs -pl search-index -am
	java -Xmx3g -cp 'search-index/target/search-index.jar:search-index/target/lib/*' dev.ca4.search.bench.IndexBench $(BENCH_SEARCH_ARGS)

# The index on real embeddings (docs/similarity-search.md, "Real embeddings"): the sample images and the photos of
# Debian's wallpaper and scikit-image packages (downloaded and unpacked under $(REAL_HOME), not installed), each
# cropped REAL_VARIANTS ways, embedded by the producer with PRODUCER_WEIGHTS (random offline; imagenet or a Keras
# .npz gives ImageNet embeddings), then measured as make bench-search measures (results: search-real-*.json).
REAL_HOME     := $(LOCAL_HOME)/real-images
REAL_PACKAGES := mate-backgrounds ukui-wallpapers lomiri-wallpapers-20.04 plasma-workspace-wallpapers python3-skimage
REAL_VARIANTS ?= 60
SEARCH_CP     := 'search-index/target/search-index.jar:search-index/target/lib/*'
bench-search-real: ## Measure the similarity index on real embeddings: photos from Debian packages, cropped, embedded by the producer (~12 min)
	$(MVN) -q install -DskipTests -DskipITs -pl search-index,producer-dl4j -am
	mkdir -p $(REAL_HOME)/debs
	cd $(REAL_HOME)/debs && for p in $(REAL_PACKAGES); do ls $${p}_*.deb >/dev/null 2>&1 \
	  || apt-get download $$p 2>/dev/null || { apt-get update -qq && apt-get download $$p; }; done
	rm -rf $(REAL_HOME)/photos && for f in $(REAL_HOME)/debs/*.deb; do dpkg-deb -x $$f $(REAL_HOME)/photos; done
	java -cp $(SEARCH_CP) dev.ca4.search.bench.ImageVariants --out $(REAL_HOME)/variants --per-image $(REAL_VARIANTS) \
	  $(SAMPLE_IMAGES) $(REAL_HOME)/photos/usr/share/backgrounds $(REAL_HOME)/photos/usr/lib/python3/dist-packages/skimage/data \
	  $$(for d in $(REAL_HOME)/photos/usr/share/wallpapers/*/contents/images; do ls -S $$d/* | head -1; done)
	java -jar $(PRODUCER_JAR) --weights $(PRODUCER_WEIGHTS) --dry-run --batch-size 16 --output $(REAL_HOME)/events.jsonl \
	  $(REAL_HOME)/variants
	java -Xmx3g -cp $(SEARCH_CP) dev.ca4.search.bench.IndexBench --events $(REAL_HOME)/events.jsonl $(BENCH_SEARCH_ARGS)

# The alternative to jvector, measured the same way: Lucene's HNSW over int4-quantized vectors (cap raised to 2,048).
bench-search-lucene: ## Measure Lucene's HNSW on the same vectors as make bench-search: recall@10, query p99, bytes per vector
	$(MVN) -q install -DskipTests -DskipITs -pl search-index -am
	java -Xmx4g -cp 'search-index/target/search-index.jar:search-index/target/lib/*' dev.ca4.search.bench.LuceneBench $(BENCH_SEARCH_ARGS)

# What a restart of the search service costs: the live index over N vectors reopened with its saved graph and without.
bench-search-restart: ## Measure the search index's restart: graph reloaded from its file vs built again (20,000 x 2,048-d)
	$(MVN) -q install -DskipTests -DskipITs -pl search-index -am
	java -Xmx3g -cp 'search-index/target/search-index.jar:search-index/target/lib/*' dev.ca4.search.bench.RestartBench $(BENCH_SEARCH_ARGS)

# Mutation testing (PIT, pitest-maven in the parent pom): what the unit tests of these modules really check.
# Reports: <module>/target/pit-reports/index.html; the scores are in the README. Needs no stack (~2 min on 2 cores).
MUTATION_MODULES ?= event-model,processor-war,worker-war
mutation: ## Mutation score of the unit tests (PIT) of event-model, processor-war and worker-war
	$(MVN) -q install -DskipTests -DskipITs -pl $(MUTATION_MODULES) -am
	@mkdir -p .local && $(MVN) -pl $(MUTATION_MODULES) org.pitest:pitest-maven:mutationCoverage > .local/mutation.log 2>&1 \
	  || { tail -40 .local/mutation.log; exit 1; }
	@grep -E '^\[INFO\] Building|>> (Generated [0-9]+ mutations|Line Coverage|Mutations with no coverage)' .local/mutation.log

# Part 5 alone (no stack, no fixed ports): the producer's fast and DL4J engines and PyTorch, ResNet50 images/s.
BENCH_TORCH := $(call deb-need,/usr/bin/python3 -c 'import torch',python3-torch)
bench-producer: ## Measure only the producer's ResNet50 embeddings/s against PyTorch (needs no stack)
	@$(BENCH_TORCH)
	$(MVN) -q package -DskipTests -DskipITs -pl bench,producer-dl4j -am
	java -Xmx1g -jar $(BENCH_JAR) --scenarios producer $(BENCH_ARGS)

# `make chaos` / `make soak` run like the bench on a stack of their own, started empty under $(CHAOS_HOME);
# make run's pipeline is stopped first and everything they started is stopped at the end. `make test-chaos`
# is the short chaos run of `make test` (it uses the build test-java made).
CHAOS_HOME := $(LOCAL_HOME)/chaos
CHAOS_JAR  := chaos/target/chaos.jar
CHAOS_ARGS ?=
SOAK_MINUTES ?= 10
SOAK_RATE    ?= 50
SOAK_ARGS    ?=
define chaos-run
	@$(MAKE) --no-print-directory stop
	$(STACK) stop --home $(CHAOS_HOME)
	rm -rf $(CHAOS_HOME)/data
	$(STACK) start --home $(CHAOS_HOME)
	rc=0; ( $(MAKE) --no-print-directory servers-up SERVERS="processor worker" && { $(WITH_ENV) java -Xmx1g -jar $(CHAOS_JAR) $(1) \
	  --stack-home $(CHAOS_HOME); } ) || rc=$$?; $(MAKE) --no-print-directory servers-down; \
	  $(STACK) stop --home $(CHAOS_HOME); exit $$rc
endef

chaos: secrets ## Kill/stop Kafka, worker, store, S3, processor under load, one at a time; count every event (CHAOS_ARGS=--quick)
	$(MVN) -q install -DskipTests -DskipITs
	$(call chaos-run,chaos $(CHAOS_ARGS))

test-chaos: secrets
	@test -f $(CHAOS_JAR) || $(MVN) -q install -DskipTests -DskipITs
	$(call chaos-run,chaos --quick --results-dir $(CHAOS_HOME)/results)

soak: secrets ## Steady load for SOAK_MINUTES (10) at SOAK_RATE (50) events/s: throughput, p99, heap, fds, threads over time
	$(MVN) -q install -DskipTests -DskipITs
	$(call chaos-run,soak --minutes $(SOAK_MINUTES) --rate $(SOAK_RATE) $(SOAK_ARGS))

RESTORE_JAR  := archive-restore/target/archive-restore.jar
RESTORE_ARGS ?=
# The Colab notebook, executed top to bottom by nbclient in CPU mode against make run's pipeline (its HTTP port):
# the GPU-only steps skip themselves, the others run for real; then every image it posted must be stored.
NOTEBOOK      := producer-dl4j/colab/ca4_producer.ipynb
NOTEBOOK_WORK := $(LOCAL_HOME)/notebook
NBCLIENT := $(call deb-need,/usr/bin/python3 -c 'import nbclient; import ipykernel',python3-nbclient python3-ipykernel)
# Both notebook runs: CPU mode against make run's processor (its HTTP port) with the first local API key.
NOTEBOOK_ENV = CA4_NOTEBOOK_MODE=cpu CA4_PRODUCER_JAR=$(abspath $(PRODUCER_JAR)) CA4_IMAGES=$(abspath $(SAMPLE_IMAGES)) \
  CA4_API_URL=$(PROCESSOR_URL) CA4_API_KEY="$${CA4_API_KEYS%%,*}" PYDEVD_DISABLE_FILE_VALIDATION=1

test-notebook: secrets ## Run the Colab notebook (nbclient, CPU mode) against make run's pipeline; its images must be stored
	@$(NBCLIENT)
	@curl -fs $(PROCESSOR_URL)/health/ready >/dev/null && curl -fs $(WORKER_URL)/health/ready >/dev/null || \
	  { echo "the pipeline is not running: start it with make run, then make test-notebook"; exit 1; }
	@test -f $(PRODUCER_JAR) -a -f $(DEMO_JAR) || $(MVN) -q install -DskipTests -DskipITs
	@rm -rf $(NOTEBOOK_WORK); mkdir -p $(NOTEBOOK_WORK)
	@$(WITH_ENV) $(NOTEBOOK_ENV) CA4_NOTEBOOK_WORK=$(abspath $(NOTEBOOK_WORK)) \
	  /usr/bin/python3 producer-dl4j/colab/run_notebook.py $(NOTEBOOK) $(NOTEBOOK_WORK)/executed.ipynb
	@java -cp $(DEMO_JAR) dev.ca4.demo.AwaitStored --receipts $(NOTEBOOK_WORK)/receipts.jsonl --worker $(WORKER_URL)
	@$(WITH_ENV) $(NOTEBOOK_ENV) CA4_NOTEBOOK_WORK=$(abspath $(NOTEBOOK_WORK))/failures \
	  /usr/bin/python3 producer-dl4j/colab/check_notebook_failures.py $(NOTEBOOK) $(NOTEBOOK_WORK)/failures

restore: secrets ## Rebuild ca4.gpu_metadata from the S3 archive segments (idempotent; RESTORE_ARGS=--prefix segments/2026/12/05/)
	@test -f $(RESTORE_JAR) || $(MVN) -q install -DskipTests -DskipITs -pl archive-restore -am
	@$(WITH_ENV) java -jar $(RESTORE_JAR) $(RESTORE_ARGS)

clean: stop ## Stop everything and delete build output and local data
	$(MVN) -q clean
	rm -rf $(LOCAL_HOME)
