#!/usr/bin/env python3
"""Print the Secrets and ConfigMaps of the app namespace (a v1 List, JSON) from `terraform output -json`
on stdin. Used by platform-setup.sh; kept apart so make/tests can check it without a cluster."""
import argparse
import base64
import hashlib
import json
import sys
import urllib.parse

NAMESPACE = "app"
LABELS = {"app.kubernetes.io/part-of": "ca4", "app.kubernetes.io/managed-by": "make-ca4-platform-setup"}
CA_MOUNT = "/etc/ca4/mongo/ca.pem"


def obj(kind, name, data, secret):
    body = {"apiVersion": "v1", "kind": kind, "metadata": {"name": name, "namespace": NAMESPACE, "labels": LABELS}}
    if secret:
        body["type"] = "Opaque"
        body["data"] = {k: base64.b64encode(v if isinstance(v, bytes) else v.encode()).decode() for k, v in data.items()}
    else:
        body["data"] = data
    return body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ca-bundle", required=True)
    parser.add_argument("--api-key-file", required=True)
    parser.add_argument("--edge-api-url", default="")
    parser.add_argument("--liberty-env", required=True, help="KEY=value lines: CA4_ADMIN_USER, CA4_ADMIN_PASSWORD, CA4_KEYSTORE_PASSWORD")
    parser.add_argument("--keystore", required=True, help="PKCS12 keystore of both Liberty servers' HTTPS (password CA4_KEYSTORE_PASSWORD)")
    args = parser.parse_args()

    out = {k: v.get("value") for k, v in json.load(sys.stdin).items()}
    missing = [k for k in ("documentdb_endpoint", "documentdb_port", "documentdb_username", "documentdb_password", "region")
               if out.get(k) in (None, "")]
    if missing:
        sys.exit(f"ca4-platform-setup: the Terraform outputs lack {', '.join(missing)}: run 'make ca4-apply' first.")

    user = urllib.parse.quote(out["documentdb_username"], safe="")
    password = urllib.parse.quote(out["documentdb_password"], safe="")
    uri = (f"mongodb://{user}:{password}@{out['documentdb_endpoint']}:{out['documentdb_port']}/"
           "?tls=true&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false")
    api_key = open(args.api_key_file, encoding="utf-8").read().strip()
    bucket = out.get("s3_bucket_name") or ""
    liberty = dict(line.strip().split("=", 1) for line in open(args.liberty_env, encoding="utf-8") if "=" in line)
    missing = [k for k in ("CA4_ADMIN_USER", "CA4_ADMIN_PASSWORD", "CA4_KEYSTORE_PASSWORD") if not liberty.get(k)]
    if missing:
        sys.exit(f"ca4-platform-setup: {args.liberty_env} lacks {', '.join(missing)}: delete it and run again.")
    keystore = open(args.keystore, "rb").read()
    if not keystore:
        sys.exit(f"ca4-platform-setup: {args.keystore} is empty: delete it and run again.")

    items = [
        obj("Secret", "ca4-mongo-credentials", {
            "CA4_MONGO_URI": uri,
            "CA4_MONGO_DATABASE": "ca4",
            "CA4_MONGO_COLLECTION": "gpu_metadata",
            # DocumentDB is not known to accept BSON vectors (subtype 9): float32 as generic binary
            "CA4_STORE_EMBEDDING_FORMAT": "binary",
            "CA4_MONGO_TLS_CA_FILE": CA_MOUNT,
            "ca.pem": open(args.ca_bundle, encoding="utf-8").read(),
        }, secret=True),
        obj("ConfigMap", "ca4-s3-config", {
            "CA4_ARCHIVE_ENABLED": "true" if bucket else "false",
            "CA4_S3_BUCKET": bucket,
            "CA4_S3_REGION": out["region"],
            "CA4_S3_ENDPOINT": "",
            "CA4_S3_PATH_STYLE": "false",
        }, secret=False),
        obj("Secret", "ca4-edge-api-config", {
            "CA4_API_KEYS": "sha256:" + hashlib.sha256(api_key.encode()).hexdigest(),
            "CA4_EDGE_API_URL": args.edge_api_url or "http://processor.app.svc.cluster.local:9080",
        }, secret=True),
        obj("Secret", "ca4-liberty", {k: liberty[k] for k in ("CA4_ADMIN_USER", "CA4_ADMIN_PASSWORD", "CA4_KEYSTORE_PASSWORD")},
            secret=True),
        obj("Secret", "ca4-liberty-tls", {"key.p12": keystore}, secret=True),
    ]
    json.dump({"apiVersion": "v1", "kind": "List", "items": items}, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
