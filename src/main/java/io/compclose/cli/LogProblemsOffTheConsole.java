package io.compclose.cli;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;

/**
 * Keeps logback's own problems off the console. Spring Boot has logback print each of its warnings and
 * errors to stderr, with the stack trace: when the disk fills, every line the close logs fails to reach
 * the log file, and a finance user saw 318 stack-frame lines before CompClose's one line saying what
 * failed. The console is for the close's own messages; a file the close cannot write fails its step,
 * which says so in one line, and logback keeps its problems in its status list.
 */
final class LogProblemsOffTheConsole implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            StatusManager statuses = logback.getStatusManager();
            for (StatusListener listener : statuses.getCopyOfStatusListenerList()) {
                if (listener instanceof OnConsoleStatusListener console) {
                    statuses.remove(console);
                    console.stop();
                }
            }
        }
    }

    /** Right after Spring Boot has set logging up (and registered its console listener). */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
