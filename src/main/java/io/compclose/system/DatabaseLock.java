package io.compclose.system;

import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * Whether the database admits one process at a time. An embedded H2 file database is locked by the
 * process that opened it: a job execution this process finds running there was left by a process
 * that is gone (killed or interrupted), so it can be recovered rather than waited for.
 */
public final class DatabaseLock {

    private DatabaseLock() {
    }

    public static boolean isExclusive(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:h2:file:") && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
    }
}
