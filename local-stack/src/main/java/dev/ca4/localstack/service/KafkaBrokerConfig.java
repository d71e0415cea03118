package dev.ca4.localstack.service;

import dev.ca4.localstack.StackConfig;

import java.nio.file.Path;
import java.util.Properties;

/** The properties of the one-node KRaft cluster: combined broker + controller on 127.0.0.1. */
final class KafkaBrokerConfig {

    private KafkaBrokerConfig() {
    }

    static Properties properties(StackConfig config, Path logDir) {
        String host = StackConfig.HOST;
        String controller = host + ":" + config.kafkaControllerPort();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", controller);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + config.kafkaPort() + ",CONTROLLER://" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + config.kafkaPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // One node: every internal topic with replication 1 and few partitions.
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("default.replication.factor", "1");
        // After kill -9 the restarted broker may register only once the old incarnation's session has expired
        // (default 9 s); a shorter session makes chaos tests recover in seconds.
        p.setProperty("broker.session.timeout.ms", "4000");
        p.setProperty("broker.heartbeat.interval.ms", "1000");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        return p;
    }
}
