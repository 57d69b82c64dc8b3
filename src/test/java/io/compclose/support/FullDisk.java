package io.compclose.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A folder on a file system with no space left, made the way this machine allows, and undone on close:
 * a small tmpfs mounted there and filled up where the test may mount (root, as the tests often run),
 * else nothing but {@link #logFile()}: {@code /dev/full}, where every write fails with "No space left on
 * device" as on a full disk. {@link #how()} says which, so a test reports what it simulated.
 */
public final class FullDisk implements AutoCloseable {

    private final Path folder;
    private final boolean mounted;

    private FullDisk(Path folder, boolean mounted) {
        this.folder = folder;
        this.mounted = mounted;
    }

    public static FullDisk at(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (!run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", folder.toString())) {
            return new FullDisk(folder, false);
        }
        try (OutputStream filler = Files.newOutputStream(folder.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) {
                filler.write(block);
                filler.flush();
            }
        } catch (IOException full) {
            // no space left: what the test wants
        }
        return new FullDisk(folder, true);
    }

    /** Whether the whole folder is full (a tmpfs), or only {@link #logFile()} is. */
    public boolean wholeFolder() {
        return mounted;
    }

    /** A log file that cannot take a byte more. */
    public Path logFile() {
        return mounted ? folder.resolve("logs").resolve("compclose.log") : Path.of("/dev/full");
    }

    public String how() {
        return mounted ? "a 64 KiB tmpfs filled up at " + folder : "the log file at /dev/full (no mount allowed here)";
    }

    @Override
    public void close() {
        if (mounted) {
            run("umount", "-l", folder.toString());
        }
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
