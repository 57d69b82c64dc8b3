package io.compclose.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.compclose.cli.ExitCode;

/**
 * A command object of the command line run for a console page: what it printed, turned into the one line the page
 * shows. The page says what the terminal would have, without the {@code compclose: } of an error.
 */
record CommandSaid(boolean ok, String message) {

    /** A command's run, given where it prints and where it complains. */
    @FunctionalInterface
    interface Run {
        int run(PrintStream out, PrintStream err) throws Exception;
    }

    /** Runs it; a checked exception the command throws (a mail server gone) is thrown unchecked, as a page's error. */
    static CommandSaid of(Run command) {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        int exit;
        try {
            exit = command.run(new PrintStream(said, true, StandardCharsets.UTF_8),
                    new PrintStream(refused, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        String message = (exit == ExitCode.OK ? said : refused).toString(StandardCharsets.UTF_8).strip()
                .replaceFirst("^compclose: ", "");
        return new CommandSaid(exit == ExitCode.OK, message.lines().findFirst().orElse(message));
    }
}
