#!/usr/bin/env python3
"""prometheus-local.py OUT_DIR PROMETHEUS_PORT EXPORTER_PORT [INTERVAL]: write OUT_DIR/prometheus.yml, the local
config (k8s/monitoring/local/prometheus.yml) with its own ports and interval and the rule file by absolute path,
so a run can sit beside a developer's own Prometheus on 9090."""
import os
import sys

import yaml

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, "..", "monitoring", "local", "prometheus.yml")
out_dir, prom_port, exporter_port = sys.argv[1], sys.argv[2], sys.argv[3]
interval = sys.argv[4] if len(sys.argv) > 4 else None
config = yaml.safe_load(open(source))
config["rule_files"] = [os.path.normpath(os.path.join(os.path.dirname(source), f)) for f in config["rule_files"]]
if interval:
    config["global"]["scrape_interval"] = config["global"]["evaluation_interval"] = interval
ports = {"prometheus": prom_port, "kafka-exporter": exporter_port}
for job in config["scrape_configs"]:
    if job["job_name"] in ports:
        job["static_configs"][0]["targets"] = ["127.0.0.1:" + ports[job["job_name"]]]
with open(os.path.join(out_dir, "prometheus.yml"), "w") as f:
    yaml.safe_dump(config, f, sort_keys=False)
