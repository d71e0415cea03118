#!/usr/bin/env bash
# Create the namespaces, fill the Secrets and ConfigMaps the app reads from the Terraform outputs,
# and apply the platform overlay (Kafka). Values go to the cluster on stdin; nothing is written to
# the repository, and secrets never appear on a command line.
#
#   Secret    app/ca4-mongo-credentials  CA4_MONGO_URI, CA4_MONGO_DATABASE, CA4_MONGO_COLLECTION,
#                                        CA4_MONGO_TLS_CA_FILE, ca.pem (DocumentDB CA bundle)
#   ConfigMap app/ca4-s3-config          CA4_ARCHIVE_ENABLED, CA4_S3_BUCKET, CA4_S3_REGION,
#                                        CA4_S3_ENDPOINT, CA4_S3_PATH_STYLE
#   Secret    app/ca4-edge-api-config    CA4_API_KEYS (sha256 of the key only), CA4_EDGE_API_URL
#   Secret    app/ca4-liberty            CA4_ADMIN_USER, CA4_ADMIN_PASSWORD, CA4_KEYSTORE_PASSWORD (Liberty's
#                                        admin user and keystore; generated once into $CA4_STATE_DIR/liberty.env)
#   Secret    app/ca4-liberty-tls        key.p12: the HTTPS keystore of both servers (password CA4_KEYSTORE_PASSWORD):
#                                        $CA4_TLS_KEYSTORE when set (your PKCS12, e.g. from your CA), else one
#                                        generated once (self-signed, 2 years, the in-cluster service names) into
#                                        $CA4_STATE_DIR/liberty-key.p12
#
# The API key itself stays in $CA4_STATE_DIR/api-key (git-ignored, 0600) for Colab and ca4-verify-e2e.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ca_bundle="$CA4_STATE_DIR/docdb-ca.pem"
api_key_file="$CA4_STATE_DIR/api-key"
liberty_env="$CA4_STATE_DIR/liberty.env"
mkdir -p "$CA4_STATE_DIR"
chmod 0700 "$CA4_STATE_DIR"

if [ ! -s "$ca_bundle" ]; then
  url=${CA4_DOCDB_CA_URL:-https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem}
  curl -fsSL --max-time 60 "$url" -o "$ca_bundle.tmp" && mv "$ca_bundle.tmp" "$ca_bundle" \
    || { rm -f "$ca_bundle.tmp"; die "Could not download the DocumentDB CA bundle from $url: save it as $ca_bundle and run again."; }
fi
if [ ! -s "$api_key_file" ]; then
  (umask 077 && python3 -c 'import secrets; print("ca4-" + secrets.token_hex(24))' > "$api_key_file")
  info "generated the processor API key in $api_key_file"
fi

if [ ! -s "$liberty_env" ]; then
  (umask 077 && python3 -c 'import secrets
print("CA4_ADMIN_USER=admin")
print("CA4_ADMIN_PASSWORD=" + secrets.token_hex(16))
print("CA4_KEYSTORE_PASSWORD=" + secrets.token_hex(16))' > "$liberty_env")
  info "generated Liberty's admin and keystore passwords in $liberty_env"
fi

keystore="${CA4_TLS_KEYSTORE:-$CA4_STATE_DIR/liberty-key.p12}"
if [ -n "${CA4_TLS_KEYSTORE:-}" ]; then
  [ -s "$keystore" ] || die "CA4_TLS_KEYSTORE=$keystore: no such file (a PKCS12 keystore whose password is CA4_KEYSTORE_PASSWORD in $liberty_env)."
elif [ ! -s "$keystore" ]; then
  command -v keytool >/dev/null || die "keytool (JDK 17) is needed to generate the Liberty keystore, or set CA4_TLS_KEYSTORE."
  ks_password=$(sed -n 's/^CA4_KEYSTORE_PASSWORD=//p' "$liberty_env")
  # The password goes to keytool through the environment, never on its command line.
  (umask 077 && CA4_KS_PASSWORD="$ks_password" keytool -genkeypair -alias default -keyalg RSA -keysize 3072 \
      -validity 730 -dname "CN=processor.app.svc.cluster.local, O=ca4" \
      -ext "SAN=dns:processor.app.svc.cluster.local,dns:worker.app.svc.cluster.local,dns:search.app.svc.cluster.local,dns:processor,dns:worker,dns:search,dns:localhost" \
      -storetype PKCS12 -keystore "$keystore" -storepass:env CA4_KS_PASSWORD >/dev/null 2>&1) \
    || { rm -f "$keystore"; die "keytool could not generate $keystore."; }
  info "generated Liberty's HTTPS keystore (self-signed) in $keystore"
fi

for ns in platform app monitoring; do
  kc create namespace "$ns" --dry-run=client -o yaml | kc apply -f - >/dev/null
done
info "namespaces platform, app, monitoring present"

tf_outputs_json | python3 "$(dirname "${BASH_SOURCE[0]}")/platform_objects.py" \
    --ca-bundle "$ca_bundle" --api-key-file "$api_key_file" --edge-api-url "${CA4_EDGE_API_URL:-}" \
    --liberty-env "$liberty_env" --keystore "$keystore" \
  | kc apply -f -

"$(dirname "${BASH_SOURCE[0]}")/deploy.sh" platform
