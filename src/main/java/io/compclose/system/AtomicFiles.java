package io.compclose.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a file whole or not at all: to a temporary name in the same folder, flushed to disk,
 * then renamed over the target. A reader never sees half a payroll file or half a PDF.
 * <p>
 * Pay, statements and emails are personal data: on a POSIX file system each file is created
 * readable by its owner only (0600) and each folder CompClose creates for them is 0700, whatever the
 * umask. A folder that already exists keeps the permissions its owner gave it.
 */
public final class AtomicFiles {

    private static final String OWNER_ONLY_FILE = "rw-------";
    private static final String OWNER_ONLY_FOLDER = "rwx------";

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) {
        try {
            createDirectories(target.toAbsolutePath().getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            // a temporary file a crash left behind may have other permissions: start afresh
            Files.deleteIfExists(temp);
            try (FileChannel channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly(temp, OWNER_ONLY_FILE));
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OutputFileException(target, e);
        }
    }

    /** Creates the folder and any missing parents, each readable by its owner only. */
    public static void createDirectories(Path folder) throws IOException {
        Files.createDirectories(folder, ownerOnly(folder, OWNER_ONLY_FOLDER));
    }

    /** Creates the folder as {@link #createDirectories} does, and makes it owner-only if it existed. */
    public static void createOwnerOnlyFolder(Path folder) throws IOException {
        createDirectories(folder);
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(OWNER_ONLY_FOLDER));
        }
    }

    /**
     * Creates an empty file readable by its owner only, unless it exists: for files written by others
     * (the log), so that they start with the right permissions.
     */
    public static void createOwnerOnlyFile(Path file) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, ownerOnly(file, OWNER_ONLY_FILE));
            } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
                // another process created it first: it is there, which is all we need
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path, String permissions) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
