package io.compclose.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import io.compclose.system.Nearest;
import io.compclose.system.Secrets;

/**
 * The command line: the command picocli parsed (one of {@link Commands}), and the {@code --spring.*} (also
 * {@code --logging.*}, {@code --compclose.*}, {@code --server.*} and {@code --management.*}) settings, which are
 * split off before parsing and passed through to Spring Boot as they are.
 */
record Arguments(CommandLine parser, Object command, List<String> springArgs) {

    private static final List<String> SPRING_PREFIXES = List.of("--spring.", "--logging.", "--compclose.",
            "--server.", "--management.");

    static Arguments parse(String[] args) {
        List<String> own = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (SPRING_PREFIXES.stream().anyMatch(arg::startsWith)) {
                refuseSecret(arg.substring(2), "on the command line");
                spring.add(arg);
            } else {
                own.add(arg);
            }
        }
        CommandLine parser = Commands.parser();
        ParseResult parsed;
        try {
            parsed = parser.parseArgs(own.toArray(String[]::new));
        } catch (MissingParameterException e) {
            refuseUnmatched(e.getCommandLine()); // a mistyped --period is the better answer than a missing one
            throw new UsageException(missing(e));
        } catch (ParameterException e) {
            throw new UsageException(invalid(e));
        }
        ParseResult command = parsed.subcommand();
        refuseUnmatched(command == null ? parser : command.commandSpec().commandLine());
        if (command == null) {
            if (parsed.isUsageHelpRequested()) {
                return new Arguments(parser, new Commands.Help(), spring);
            }
            throw new UsageException("no command given");
        }
        if (command.isUsageHelpRequested()) {
            Commands.Help help = new Commands.Help();
            help.command = command.commandSpec().name();
            return new Arguments(parser, help, spring);
        }
        return new Arguments(parser, command.commandSpec().userObject(), spring);
    }

    /**
     * An argument no command takes: an option of another command, or a typo answered with the nearest valid
     * option or command.
     */
    private static void refuseUnmatched(CommandLine command) {
        List<String> unmatched = command.getUnmatchedArguments();
        if (unmatched.isEmpty()) {
            return;
        }
        String first = unmatched.get(0);
        String name = command.getCommandName();
        boolean top = command.getParent() == null;
        if (!first.startsWith("-")) {
            throw new UsageException((top ? "unknown command '" : "unexpected argument '") + first + "'"
                    + nearest(command, first));
        }
        String option = first.split("=", 2)[0];
        if (!top && command.getParent().getSubcommands().values().stream()
                .anyMatch(other -> other.getCommandSpec().findOption(option) != null)) {
            throw new UsageException("'" + name + "' does not take " + option);
        }
        throw new UsageException("unknown option '" + first + "'" + nearest(command, first));
    }

    /** A usage error that already names what to type instead needs no pointer to the help. */
    static boolean answers(UsageException e) {
        return e.getMessage().contains("; did you mean ");
    }

    /**
     * Picocli's suggestions, kept only when they are a typo away (at most two letters changed): "frobnicate" is
     * no misspelt "status".
     */
    private static String nearest(CommandLine command, String argument) {
        String typed = argument.split("=", 2)[0];
        List<String> near = new UnmatchedArgumentException(command, List.of(argument)).getSuggestions().stream()
                .filter(suggestion -> Nearest.isTypo(typed, suggestion)).toList();
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    private static String missing(MissingParameterException e) {
        List<OptionSpec> options = e.getMissing().stream().filter(OptionSpec.class::isInstance)
                .map(OptionSpec.class::cast).toList();
        if (options.isEmpty() || !e.getMessage().startsWith("Missing required option")) {
            return lowerFirst(e.getMessage()); // an option given without its value
        }
        return options.stream().map(o -> o.longestName() + "=" + o.paramLabel())
                .collect(Collectors.joining(", ")) + (options.size() == 1 ? " is required" : " are required");
    }

    /** A value of the wrong type names the option and what it takes, as in "--period must be a month YYYY-MM". */
    private static String invalid(ParameterException e) {
        if (e.getCause() instanceof Commands.Refused wrong && e.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + " " + wrong.getMessage();
        }
        return lowerFirst(e.getMessage());
    }

    private static String lowerFirst(String message) {
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /**
     * Refuses a password given as {@code name=value} where other users can read it, naming the
     * environment variable and the file to use instead and never echoing the value.
     */
    static void refuseSecret(String setting, String where) {
        int eq = setting.indexOf('=');
        String name = eq < 0 ? setting : setting.substring(0, eq);
        Secrets.secretSetting(name, eq < 0 ? null : setting.substring(eq + 1)).ifPresent(secret -> {
            throw new UsageException(name + " carries a secret " + where + ", where every user of this machine can "
                    + "read it (ps) and the shell history keeps it: set " + Secrets.environmentVariable(secret)
                    + " in the environment instead, or put it in a file named " + secret + " in a folder given as "
                    + "SPRING_CONFIG_IMPORT=configtree:FOLDER/ (readable by the service account only)");
        });
    }

    /** The overview of {@code help}: each command's generated synopsis and what it does. */
    String overview() {
        StringBuilder text = new StringBuilder("usage: " + Commands.NAME + " <command> [options]\n\n");
        for (CommandLine command : parser.getSubcommands().values()) {
            text.append(command.getHelp().synopsis(0));
            for (String line : command.getCommandSpec().usageMessage().description()) {
                text.append("       ").append(line).append('\n');
            }
        }
        return text.append('\n').append(Commands.FOOTER).toString();
    }

    /** {@code help close}, {@code close --help}: one command's generated usage. */
    String usage(String command) {
        CommandLine sub = parser.getSubcommands().get(command);
        if (sub == null) {
            throw new UsageException("unknown command '" + command + "'" + nearest(parser, command));
        }
        return sub.getUsageMessage();
    }

    /** Bad usage: printed as one line and exit code 2. */
    static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
