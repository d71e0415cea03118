#!/bin/bash
# Creates gpu-metadata and gpu-metadata-dlq once the brokers answer; idempotent (--if-not-exists).
set -euo pipefail
bin=/opt/kafka/bin
bootstrap=${KAFKA_BOOTSTRAP:?}
rf=$(( KAFKA_REPLICAS < 3 ? KAFKA_REPLICAS : 3 ))
for _ in $(seq 1 60); do
  "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" >/dev/null 2>&1 && break
  echo "waiting for $bootstrap"; sleep 5
done
"$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic gpu-metadata \
  --partitions "$TOPIC_PARTITIONS" --replication-factor "$rf" --config retention.ms=604800000
# Dead letters are kept longer (30 days): someone has to look at them.
"$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic gpu-metadata-dlq \
  --partitions "$DLQ_PARTITIONS" --replication-factor "$rf" --config retention.ms=2592000000
"$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --describe --topic 'gpu-metadata.*'
