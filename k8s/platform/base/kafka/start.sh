#!/bin/bash
# Broker start for pod kafka-N: writes server.properties from the pod's ordinal and KAFKA_REPLICAS
# (static KRaft quorum of every pod), formats the volume once, then runs the broker in the foreground.
set -euo pipefail
ordinal=${HOSTNAME##*-}
replicas=${KAFKA_REPLICAS:?}
rf=$(( replicas < 3 ? replicas : 3 ))
min_isr=$(( rf > 1 ? rf - 1 : 1 ))
voters=""
for ((i = 0; i < replicas; i++)); do voters+="${voters:+,}$i@kafka-$i.$KAFKA_HEADLESS:9093"; done
props=/tmp/server.properties
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=$ordinal
controller.quorum.voters=$voters
controller.listener.names=CONTROLLER
listeners=INTERNAL://:9092,CONTROLLER://:9093,EXTERNAL://:9094
# EXTERNAL is what a client through 'make tunnel-kafka' (127.0.0.1:19092 -> NodePort 30092 -> kafka-0) is told.
advertised.listeners=INTERNAL://kafka-$ordinal.$KAFKA_HEADLESS:9092,EXTERNAL://127.0.0.1:$((19092 + ordinal))
listener.security.protocol.map=INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,EXTERNAL:PLAINTEXT
inter.broker.listener.name=INTERNAL
log.dirs=/var/lib/kafka/data/logs
auto.create.topics.enable=false
num.partitions=6
default.replication.factor=$rf
min.insync.replicas=$min_isr
offsets.topic.replication.factor=$rf
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$min_isr
log.retention.hours=${KAFKA_RETENTION_HOURS:-168}
log.segment.bytes=268435456
group.initial.rebalance.delay.ms=3000
PROPS
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$KAFKA_CLUSTER_ID" -c "$props"
exec /opt/kafka/bin/kafka-server-start.sh "$props"
