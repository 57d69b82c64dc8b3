package io.compclose.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code serve} started in the test's JVM on a free port, for tests outside this package. */
public final class InProcessServe {

    private InProcessServe() {
    }

    public static ConfigurableApplicationContext start(Path out, PrintStream console, String... settings) {
        Path jobs = Path.of("jobs/catalog").toAbsolutePath();
        List<String> line = new ArrayList<>(List.of("serve", "--jobs=" + jobs, "--out=" + out, "--server.port=0"));
        line.addAll(List.of(settings));
        return Cli.startServing(Arguments.parse(line.toArray(String[]::new)), jobs, out.toAbsolutePath(), console);
    }

    /** With a job catalog of the test's own, and configuration classes added to the context (fault injection). */
    public static ConfigurableApplicationContext start(Path out, Path jobs, PrintStream console, Class<?>[] extra,
            String... settings) {
        List<String> line = new ArrayList<>(List.of("serve", "--jobs=" + jobs, "--out=" + out, "--server.port=0"));
        line.addAll(List.of(settings));
        return Cli.startServing(Arguments.parse(line.toArray(String[]::new)), jobs, out.toAbsolutePath(), console,
                extra);
    }
}
