package io.compclose.core.input;

/**
 * Input that stops the close rather than a row: a missing required file or column, an
 * unreadable file, an invalid plan. The command line turns it into exit code 2.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
