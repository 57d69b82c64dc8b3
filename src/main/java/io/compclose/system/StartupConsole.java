package io.compclose.system;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the console quiet while Spring starts. {@code serve} logs to the console (systemd's journal) once it
 * runs, but a start that fails would put the framework's failure analysis and stack traces there, where
 * CompClose prints one line instead; the log file keeps everything. Spring Boot names its console appender
 * {@code CONSOLE}; with another logging set-up this does nothing.
 */
public final class StartupConsole {

    private static final String CONSOLE = "CONSOLE";

    private StartupConsole() {
    }

    /** Called once logging is set up for a start (the environment is prepared): nothing reaches the console. */
    public static void shut() {
        gate().ifPresent(gate -> gate.open = false);
    }

    /** The context has started: the console gets what its threshold lets through again. */
    public static void open() {
        gate().ifPresent(gate -> gate.open = true);
    }

    private static java.util.Optional<Gate> gate() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return java.util.Optional.empty();
        }
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
        if (console == null) {
            return java.util.Optional.empty();
        }
        // logging set up again (a new context in the same JVM) makes a new appender: one gate per appender
        synchronized (console) {
            for (Filter<ILoggingEvent> filter : console.getCopyOfAttachedFiltersList()) {
                if (filter instanceof Gate gate) {
                    return java.util.Optional.of(gate);
                }
            }
            Gate gate = new Gate();
            gate.start();
            console.addFilter(gate);
            return java.util.Optional.of(gate);
        }
    }

    private static final class Gate extends Filter<ILoggingEvent> {

        private volatile boolean open = true;

        @Override
        public FilterReply decide(ILoggingEvent event) {
            return open ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
