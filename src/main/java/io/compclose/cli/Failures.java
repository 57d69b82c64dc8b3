package io.compclose.cli;

import java.util.List;
import java.util.Optional;

import io.compclose.intake.BadInputException;

/** Turns a failure into the one line a finance user reads, and finds bad input among the causes. */
final class Failures {

    private Failures() {
    }

    static Optional<BadInputException> badInput(List<Throwable> failures) {
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof BadInputException bad) {
                    return Optional.of(bad);
                }
            }
        }
        return Optional.empty();
    }

    /** The innermost message that says something, on one line. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t instanceof BadInputException || t.getCause() == t) {
                break;
            }
        }
        String text = message == null ? failure.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text).strip();
    }
}
