package io.compclose.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An output folder the close cannot write to, made the way this machine allows, and undone on
 * close. Tests often run as root, which ignores permissions: then the immutable attribute (which
 * binds root too) is used where the file system and capabilities allow it, else a plain file is put
 * where the folder should be. {@link #how()} says which, so a test reports what it simulated.
 */
public final class UnwritableFolder implements AutoCloseable {

    private final Path folder;
    private final String how;
    private final Undo undo;

    private interface Undo {
        void run() throws IOException;
    }

    private UnwritableFolder(Path folder, String how, Undo undo) {
        this.folder = folder;
        this.how = how;
        this.undo = undo;
    }

    public static UnwritableFolder make(Path folder) throws IOException {
        Files.createDirectories(folder);
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!writable(folder)) {
            return new UnwritableFolder(folder, "read-only permissions", () ->
                    Files.setPosixFilePermissions(folder, before));
        }
        Files.setPosixFilePermissions(folder, before);
        if (chattr("+i", folder) && !writable(folder)) {
            return new UnwritableFolder(folder, "immutable attribute (chattr +i)", () -> chattr("-i", folder));
        }
        chattr("-i", folder);
        Files.delete(folder);
        Files.writeString(folder, "a file where the output folder should be\n");
        return new UnwritableFolder(folder, "a file in the folder's place", () -> {
            Files.delete(folder);
            Files.createDirectories(folder);
        });
    }

    public Path folder() {
        return folder;
    }

    public String how() {
        return how;
    }

    /** Makes the folder writable again. */
    @Override
    public void close() throws IOException {
        undo.run();
    }

    private static boolean writable(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean chattr(String flag, Path folder) {
        try {
            Process chattr = new ProcessBuilder("chattr", flag, folder.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return chattr.waitFor(30, TimeUnit.SECONDS) && chattr.exitValue() == 0;
        } catch (IOException e) {
            return false; // no chattr on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
