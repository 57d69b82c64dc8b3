package io.compclose.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.transaction.TransactionSystemException;

import io.compclose.core.input.BadInputException;
import io.compclose.system.Secrets;

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

    /**
     * The database connection dropped under the close (a restart, a network cut, a {@code KILL}): the
     * SQL state class 08 is "connection exception". Named as such, rather than by the driver's words.
     * The driver's error may sit behind the rollback that failed after it (the pool had already closed
     * the connection, and says so without a state) or among the exceptions of closing the readers.
     */
    static Optional<String> connectionLost(List<Throwable> failures) {
        for (Throwable failure : failures) {
            Optional<SQLException> lost = connectionException(failure, 0);
            if (lost.isPresent()) {
                return Optional.of("the connection to the database was lost (" + firstLine(lost.get().getMessage())
                        + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<SQLException> connectionException(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return Optional.of(sql);
            }
            List<Throwable> hidden = new ArrayList<>(List.of(t.getSuppressed()));
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                hidden.add(0, rollback.getApplicationException());
            }
            for (Throwable h : hidden) {
                Optional<SQLException> found = connectionException(h, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One line: CompClose's own message where there is one (it says which file, rep or step), with
     * the root cause appended when it adds something; otherwise the innermost message.
     */
    static String describe(Throwable failure) {
        Throwable ours = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (ours == null && t.getClass().getName().startsWith("io.compclose.") && t.getMessage() != null) {
                ours = t;
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                root = t;
            }
        }
        if (ours == null) {
            return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        }
        String text = firstLine(ours.getMessage());
        String cause = root == ours ? null : firstLine(root.getMessage());
        return cause == null || text.contains(cause) ? text : text + " (" + cause + ")";
    }

    /**
     * Why the application did not start, in one line: a setting that does not bind is named with its value
     * (unless it is a secret), anything else as {@link #describe}.
     */
    static String startup(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                String name = bind.getName().toString();
                Object value = bind.getProperty() == null ? null : bind.getProperty().getValue();
                boolean shown = value != null && Secrets.secretSetting(name, value.toString()).isEmpty();
                Throwable root = t;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return "the setting " + name + (shown ? "=" + value : "") + " is not valid"
                        + (root == t || root.getMessage() == null ? "" : " (" + firstLine(root.getMessage()) + ")");
            }
        }
        return describe(failure);
    }

    /**
     * Masked: a driver's message may quote a JDBC URL with its password. A first line that only announces what
     * follows ("Validation Failed:", as Liquibase says of a changed changeset) is joined with the lines after it.
     */
    private static String firstLine(String message) {
        List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String first = lines.isEmpty() ? message.strip() : lines.get(0);
        if (first.endsWith(":") && lines.size() > 1) {
            first = String.join(" ", lines.subList(0, Math.min(lines.size(), 4)));
        }
        return Secrets.mask(first);
    }
}
