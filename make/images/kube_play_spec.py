#!/usr/bin/env python3
"""The pod specs of k8s/app/overlays/local, made playable by podman 4.3's `kube play` on this machine.

Usage: kube_play_spec.py LOCAL.yaml BASE.yaml KEYSTORE_DIR PREFIX OUT_DIR
  LOCAL.yaml   kubectl kustomize k8s/app/overlays/local
  BASE.yaml    kubectl kustomize k8s/app/base (where the keystore Secret's mount is declared)
  KEYSTORE_DIR holds key.p12, the keystore made for this test
Writes OUT_DIR/play.yaml (the Deployments and their ConfigMaps), OUT_DIR/secrets/NAME.json
(the Secrets the containers read as env, in the format podman's kube play reads them) and OUT_DIR/pods.json (what
the test checks: each Deployment's containers, env, probes). Every change to the spec is printed; docs/containers.md
explains each:
  - cluster DNS names (*.svc.cluster.local) -> 127.0.0.1, where the local stack listens (host network);
  - hostNetwork: true, and the containers' `ports` dropped with the probes' named ports resolved to numbers
    (podman refuses port mappings on the host network);
  - each emptyDir renamed PREFIX-DEPLOYMENT-VOLUME (podman makes an emptyDir a named volume of the pod spec's
    volume name, which the two Deployments would otherwise share);
  - `optional: false` on secret volumes that do not say (podman 4.3 dereferences it);
  - the keystore Secret ca4-liberty-tls's mount and CA4_KEYSTORE_LOCATION put back as k8s/app/base declares them
    (the local overlay removes them), the volume from KEYSTORE_DIR as a hostPath: podman 4.3 writes a Secret
    volume's data still base64-encoded, which no keystore survives;
  - the Deployments renamed PREFIX-NAME, so the pods and containers carry the test's prefix;
  - restartPolicy OnFailure instead of a Deployment's Always: podman 4.3 applies the pod's policy to the init
    container too, restarting it in a loop (and racing its own removal of it: "failed to remove once init
    container ... it is running"); Liberty killed or failing still restarts;
  - podman's annotation io.podman.annotations.init.container.type=always on the Deployment: podman keeps the
    init container (its exit status is checked) and runs it at every pod start, as Kubernetes does.
The Deployments of NOT_PLAYED are left out, each for the reason it gives.
"""
import base64
import copy
import json
import os
import re
import sys

import yaml

CLUSTER_HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)*\.svc\.cluster\.local")
KEYSTORE_SECRET = "ca4-liberty-tls"
# The search service: test-images runs without it (as make chaos does: its indexing would disturb the figures),
# and played here it would be ready only once it had indexed the whole topic that the chaos run filled, a time
# set by that run, not by the probe bounds kube-play.sh holds each pod to. make test-k8s checks its manifests.
NOT_PLAYED = {"search": "test-images runs without it; Ready only once it has indexed the topic the chaos run filled"}


def load(path):
    return [d for d in yaml.safe_load_all(open(path)) if d]


def local_addresses(value, where, changes):
    new = CLUSTER_HOST.sub("127.0.0.1", value)
    if new != value:
        changes.append(f"{where}: {value} -> {new}")
    return new


def keystore_parts(base_deployment):
    """The base's keystore volume, its mount and its env entry for the first container."""
    spec = base_deployment["spec"]["template"]["spec"]
    volume = next(v for v in spec["volumes"] if v.get("secret", {}).get("secretName") == KEYSTORE_SECRET)
    container = spec["containers"][0]
    mount = next(m for m in container["volumeMounts"] if m["name"] == volume["name"])
    env = next(e for e in container["env"] if e["name"] == "CA4_KEYSTORE_LOCATION")
    return volume, mount, env


def main(local_yaml, base_yaml, keystore_dir, prefix, out):
    local, base = load(local_yaml), load(base_yaml)
    base_deployments = {d["metadata"]["name"]: d for d in base if d["kind"] == "Deployment"}
    changes, play, secrets, pods = [], [], {}, {}
    skipped = sorted({d["kind"] for d in local if d["kind"] not in ("ConfigMap", "Secret", "Deployment")})
    left_out = [f"Deployment {d['metadata']['name']} ({NOT_PLAYED[d['metadata']['name']]})" for d in local
                if d["kind"] == "Deployment" and d["metadata"]["name"] in NOT_PLAYED]
    for doc in local:
        kind, name = doc["kind"], doc["metadata"]["name"]
        if kind == "ConfigMap":
            for k, v in doc.get("data", {}).items():
                doc["data"][k] = local_addresses(v, f"ConfigMap {name} {k}", changes)
            play.append(doc)
        elif kind == "Secret":
            data = {k: base64.b64decode(v).decode() for k, v in doc.get("data", {}).items()}
            data = {k: local_addresses(v, f"Secret {name} {k}", changes) for k, v in data.items()}
            # podman 4.3 reads a Secret used as env as a JSON object of base64 values, not as a Secret object
            secrets[name] = {k: base64.b64encode(v.encode()).decode() for k, v in data.items()}
        elif kind == "Deployment" and name not in NOT_PLAYED:
            spec = doc["spec"]["template"]["spec"]
            spec["hostNetwork"] = True
            spec["restartPolicy"] = "OnFailure"
            # podman reads a Deployment's own annotations, not its pod template's
            doc["metadata"].setdefault("annotations", {})["io.podman.annotations.init.container.type"] = "always"
            volume, mount, env = keystore_parts(base_deployments[name])
            if not any(v["name"] == volume["name"] for v in spec["volumes"]):
                spec["volumes"].append({"name": volume["name"],
                                        "hostPath": {"path": os.path.abspath(keystore_dir), "type": "Directory"}})
                changes.append(f"Deployment {name}: keystore ({KEYSTORE_SECRET}) mounted at {mount['mountPath']} as k8s/app/base "
                               f"does, from {keystore_dir}")
            renamed = {}
            for v in spec["volumes"]:
                if "emptyDir" in v:
                    renamed[v["name"]] = f"{prefix}-{name}-{v['name']}"
                    v["name"] = renamed[v["name"]]
                if "secret" in v and "optional" not in v["secret"]:
                    v["secret"]["optional"] = False
            for c in spec.get("initContainers", []) + spec["containers"]:
                for m in c.get("volumeMounts", []):
                    m["name"] = renamed.get(m["name"], m["name"])
            main_container = spec["containers"][0]
            if not any(m["name"] == mount["name"] for m in main_container["volumeMounts"]):
                main_container["volumeMounts"].append(copy.deepcopy(mount))
                main_container.setdefault("env", []).append(copy.deepcopy(env))
            probes = {}
            for c in spec["containers"]:
                ports = {p["name"]: p["containerPort"] for p in c.pop("ports", [])}
                for e in c.get("env", []):
                    if "value" in e:
                        e["value"] = local_addresses(e["value"], f"Deployment {name} env {e['name']}", changes)
                for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                    if probe in c:
                        get = c[probe]["httpGet"]
                        get["port"] = ports.get(get["port"], get["port"])
                        probes[probe] = {"path": get["path"], "port": get["port"],
                                         "period": c[probe].get("periodSeconds", 10),
                                         "failures": c[probe].get("failureThreshold", 3)}
            changes.append(f"Deployment {name}: restartPolicy OnFailure, init containers kept, host network, ports dropped (probes on {sorted({p['port'] for p in probes.values()})}), "
                           f"emptyDirs {sorted(renamed.values())}")
            doc["metadata"]["name"] = f"{prefix}-{name}"
            pods[name] = {"pod": f"{prefix}-{name}-pod-0", "container": main_container["name"],
                          "init": [c["name"] for c in spec.get("initContainers", [])],
                          "env": [e["name"] for e in main_container.get("env", [])],
                          "envFrom": [next(iter(r.values()))["name"] for r in main_container.get("envFrom", [])],
                          "probes": probes,
                          "uid": spec.get("securityContext", {}).get("runAsUser"),
                          "readOnlyRootFilesystem": main_container.get("securityContext", {}).get("readOnlyRootFilesystem")}
            play.append(doc)
    if not os.path.isfile(os.path.join(keystore_dir, "key.p12")):
        sys.exit(f"no key.p12 in {keystore_dir}")
    os.makedirs(os.path.join(out, "secrets"), exist_ok=True)
    for name, data in secrets.items():
        with open(os.path.join(out, "secrets", name + ".json"), "w") as f:
            json.dump(data, f)
    with open(os.path.join(out, "play.yaml"), "w") as f:
        yaml.safe_dump_all(play, f, sort_keys=False)
    with open(os.path.join(out, "pods.json"), "w") as f:
        json.dump(pods, f, indent=1)
    for c in changes:
        print("spec: " + c)
    print("not played (they need a cluster): " + ", ".join(skipped))
    for what in left_out:
        print("not played: " + what)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__.split("\n\n")[1])
    main(*sys.argv[1:])
