package dev.ca4.worker.consume;

import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.kafka.KafkaAdmin;
import dev.ca4.worker.sink.SegmentSink;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the Kafka channel every 5 s with a {@link StallDetector}. A dead channel turns liveness DOWN (so a
 * Kubernetes pod is restarted) and, with {@code ca4.consumer.restart-on-stall} (default true), restarts this
 * application through Liberty's ApplicationMBean, which builds a new consumer: nothing acknowledged is lost and
 * redelivered records are absorbed by the idempotent writes.
 */
@ApplicationScoped
public class ConsumerWatchdog {
    private static final Logger LOG = Logger.getLogger(ConsumerWatchdog.class.getName());

    @Inject
    WorkerConfig config;
    @Inject
    KafkaAdmin kafka;
    @Inject
    SegmentSink writer;

    private final AtomicLong consumed = new AtomicLong();
    private volatile boolean stalled;
    private ScheduledExecutorService timer;
    private StallDetector detector;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        detector = new StallDetector(TimeUnit.SECONDS.toNanos(config.consumerStallSeconds()), System.nanoTime());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ca4-consumer-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 5, 5, TimeUnit.SECONDS);
    }

    /** Called for every record the channel delivers. */
    public void consumed() {
        consumed.incrementAndGet();
    }

    /** True once the channel was found dead (until the application restarts). */
    public boolean stalled() {
        return stalled;
    }

    private void check() {
        try {
            long lag;
            try {
                lag = kafka.groupLag(config.groupId(), config.topic());
            } catch (Exception e) {
                lag = -1;
            }
            boolean idle = writer.pending() == 0 && writer.failure() == null;
            if (!stalled && detector.observe(System.nanoTime(), consumed.get(), lag, idle)) {
                stalled = true;
                LOG.severe("the Kafka channel delivered nothing for " + config.consumerStallSeconds() + " s while "
                        + lag + " records wait for group " + config.groupId() + " and the writer is idle: the "
                        + "connector's consumer is dead; liveness DOWN"
                        + (config.restartOnStall() ? ", restarting application " + config.applicationName() : ""));
                if (config.restartOnStall()) {
                    restartApplication();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "consumer watchdog check failed", e);
        }
    }

    /** On a thread of its own: the restart stops this application (and this bean) first. */
    private void restartApplication() {
        Thread t = new Thread(() -> {
            try {
                ObjectName app = new ObjectName("WebSphere:service=com.ibm.websphere.application.ApplicationMBean,name="
                        + config.applicationName());
                ManagementFactory.getPlatformMBeanServer().invoke(app, "restart", null, null);
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "could not restart application " + config.applicationName()
                        + "; liveness stays DOWN", e);
            }
        }, "ca4-consumer-restart");
        t.setDaemon(true);
        t.start();
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
