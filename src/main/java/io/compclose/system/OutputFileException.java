package io.compclose.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An output file (payroll, statement, email, summary) could not be written: the folder is not
 * writable, the disk is full, something is in the way. The message names the file and the reason.
 */
public class OutputFileException extends UncheckedIOException {

    public OutputFileException(Path target, IOException cause) {
        super("cannot write " + target + ": " + cause.getMessage() + reasonIfMissing(cause), cause);
    }

    /** Java leaves the reason out of some file errors (their message is just the path): say it. */
    private static String reasonIfMissing(IOException cause) {
        if (!(cause instanceof FileSystemException fs) || fs.getReason() != null) {
            return "";
        }
        if (fs instanceof AccessDeniedException) {
            return ": permission denied";
        }
        if (fs instanceof NoSuchFileException) {
            return ": no such file or folder";
        }
        if (fs instanceof FileAlreadyExistsException) {
            return ": a file is in the way";
        }
        return fs instanceof NotDirectoryException ? ": not a folder" : "";
    }
}
