package io.compclose.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Holds back the console while Spring starts. {@code serve} and {@code serve --worker} log to the console
 * (systemd's journal), but a start that fails would put the framework's failure report and stack traces there,
 * where CompClose prints one line instead; the log file keeps everything. What a start that succeeds logged is
 * let through once it has started, in order, so nothing a worker did while starting is lost. Spring Boot names
 * its console appender {@code CONSOLE}; with another logging set-up this does nothing.
 */
public final class StartupConsole {

    private static final String CONSOLE = "CONSOLE";
    /** More than a start logs; beyond it the console loses lines rather than the process its memory. */
    private static final int HELD_AT_MOST = 10_000;

    private StartupConsole() {
    }

    /**
     * Before Spring sets logging up, logback's default prints every library's INFO on the console (Hibernate
     * Validator announces its version as serve checks the job catalog): warnings only, until Spring's set-up
     * replaces this.
     */
    public static void quietBeforeLoggingIsSetUp() {
        // Hibernate Validator logs through JBoss Logging, which would first load and try Log4j 2's API (on the
        // classpath as the bridge to SLF4J): straight to SLF4J, as everything else here logs
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** Once logging is set up for a start (the environment is prepared): hold what would reach the console. */
    public static void hold() {
        gate().ifPresent(Gate::hold);
    }

    /** The start succeeded: what was held goes to the console, and the console is as configured again. */
    public static void release() {
        gate().ifPresent(Gate::release);
    }

    /** The start failed: what was held is dropped (the log file has it), and the console is as configured again. */
    public static void discard() {
        gate().ifPresent(Gate::discard);
    }

    private static Optional<Gate> gate() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
        if (console == null) {
            return Optional.empty();
        }
        // logging set up again (a new context in the same JVM) makes a new appender: one gate per appender
        synchronized (console) {
            for (Filter<ILoggingEvent> filter : console.getCopyOfAttachedFiltersList()) {
                if (filter instanceof Gate gate) {
                    return Optional.of(gate);
                }
            }
            Gate gate = new Gate(console);
            gate.start();
            console.addFilter(gate);
            return Optional.of(gate);
        }
    }

    /** After the appender's threshold: it holds only what the console would have shown. */
    private static final class Gate extends Filter<ILoggingEvent> {

        private final Appender<ILoggingEvent> console;
        private List<ILoggingEvent> held;

        Gate(Appender<ILoggingEvent> console) {
            this.console = console;
        }

        @Override
        public synchronized FilterReply decide(ILoggingEvent event) {
            if (held == null) {
                return FilterReply.NEUTRAL;
            }
            if (held.size() < HELD_AT_MOST) {
                event.prepareForDeferredProcessing();
                held.add(event);
            }
            return FilterReply.DENY;
        }

        synchronized void hold() {
            held = new ArrayList<>();
        }

        synchronized void release() {
            List<ILoggingEvent> events = held;
            held = null;
            if (events != null) {
                events.forEach(console::doAppend);
            }
        }

        synchronized void discard() {
            held = null;
        }
    }
}
