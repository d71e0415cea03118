package dev.ca4.producer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per message on stderr. ND4J and DL4J (via slf4j-jdk14) log their start-up banner at INFO; it is shown
 * only with {@code -v}. {@code -vv} adds our own debug lines.
 */
final class LoggingSetup {
    /** JUL holds loggers weakly: a configured level is lost when its logger is collected. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private LoggingSetup() {
    }

    static void configure(int verbosity) {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler(); // stderr
        handler.setLevel(Level.ALL);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String level = r.getLevel() == Level.INFO ? "" : r.getLevel().getName().toLowerCase() + ": ";
                return "ca4-producer: " + level + formatMessage(r) + System.lineSeparator();
            }
        });
        root.addHandler(handler);
        root.setLevel(verbosity > 0 ? Level.INFO : Level.WARNING);
        level("dev.ca4", verbosity > 1 ? Level.FINE : Level.INFO);
        for (String noisy : new String[]{"org.nd4j", "org.deeplearning4j"}) {
            level(noisy, verbosity > 0 ? Level.INFO : Level.WARNING);
        }
    }

    private static synchronized void level(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }
}
