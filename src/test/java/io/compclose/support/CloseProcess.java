package io.compclose.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real jar run as its own process, as an operator or a scheduler runs it, which the test may
 * SIGKILL. With a kill point, the jar runs with {@link KillPoints} on the class path beside it (the jar's
 * manifest brings its libraries), and freezes there until killed.
 */
public final class CloseProcess {

    /** Quicker start-up for a short-lived JVM: the close is small, start-up dominates. */
    private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Path marker;

    private CloseProcess(Process process, Path stdout, Path stderr, Path marker) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.marker = marker;
    }

    /**
     * @param hooks     a folder holding {@link KillPoints}' classes, or null to run the plain jar
     * @param killPoint {@code step:chunk:phase}, or null
     */
    public static CloseProcess start(Path jar, Path hooks, String killPoint, List<String> closeArgs, Path logs,
            String name) {
        try {
            Files.createDirectories(logs);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM);
            Path marker = logs.resolve(name + ".frozen");
            List<String> args = new ArrayList<>(closeArgs);
            if (killPoint == null) {
                command.addAll(List.of("-jar", jar.toString()));
            } else {
                command.addAll(List.of("-D" + KillPoints.POINT + "=" + killPoint,
                        "-D" + KillPoints.MARKER + "=" + marker, "-cp", jar + java.io.File.pathSeparator + hooks,
                        "io.compclose.CompCloseApplication"));
                args.add("--spring.main.sources=" + KillPoints.class.getName());
            }
            command.addAll(args);
            Path stdout = logs.resolve(name + ".out");
            Path stderr = logs.resolve(name + ".err");
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            return new CloseProcess(process, stdout, stderr, marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@link KillPoints}' classes from the compiled tests into {@code folder}, for the child's class path. */
    public static Path hooks(Path testClasses, Path folder) throws IOException {
        Path target = folder.resolve("io/compclose/support");
        Files.createDirectories(target);
        try (var classes = Files.list(testClasses.resolve("io/compclose/support"))) {
            for (Path c : classes.filter(f -> f.getFileName().toString().startsWith("KillPoints")).toList()) {
                Files.copy(c, target.resolve(c.getFileName()));
            }
        }
        return folder;
    }

    /** True once the close has frozen at its kill point; false if it ended first (then see {@link #report()}). */
    public boolean awaitFrozen(Duration deadline) {
        Poll.until("the close to reach its kill point or end", deadline,
                () -> Files.exists(marker) || !process.isAlive());
        return Files.exists(marker);
    }

    /** Lets a process frozen at its kill point go on from there (see {@link KillPoints}). */
    public void resume() {
        try {
            Files.writeString(marker.resolveSibling(marker.getFileName() + ".resume"), "go on\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int awaitExit(Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the close did not end within " + deadline.toSeconds() + " s\n" + report());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGTERM (what {@link Process#destroy()} sends on Linux), as systemd stops a service; returns the exit code. */
    public int terminate(Duration deadline) {
        process.destroy();
        return awaitExit(deadline);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook, no finally, nothing. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofMinutes(1));
    }

    public long pid() {
        return process.pid();
    }

    public String out() {
        return read(stdout);
    }

    public String err() {
        return read(stderr);
    }

    public String report() {
        return "--- out\n" + out() + "--- err\n" + err();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
