package io.compclose.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.compclose.system.Secrets;

/**
 * The parsed command line: a command word, its {@code --name=value} options, and any
 * {@code --spring.*} (also {@code --logging.*}, {@code --compclose.*}, and for serve {@code --server.*} and
 * {@code --management.*}) settings passed through to Spring Boot.
 */
public record CommandLine(String command, Map<String, String> options, List<String> springArgs) {

    static final String USAGE = """
            usage: java -jar compclose.jar <command> [options]

              close  --period=YYYY-MM --inbox=DIR [--out=DIR] [--revise]
                     [--allow-empty=bookings]
                     run the close of a pay period, or restart it where it stopped;
                     --revise recalculates a closed period from a corrected inbox;
                     --allow-empty=bookings closes a month without bookings (else
                     a bookings.csv with no accepted row stops the close, exit 2)
              status [--period=YYYY-MM] [--out=DIR]
                     executions, steps, and read / written / rejected counts
              approve --period=YYYY-MM --by=NAME [--note=TEXT] [--out=DIR]
                     approve a close stopped for review (exit 3); the next
                     close continues to payroll and statements
              lock   --period=YYYY-MM --by=NAME [--note=TEXT] [--out=DIR]
                     lock a closed period: its figures never change again, and
                     late inputs and corrections for it go to the next period
              resend --period=YYYY-MM [--rep=ID] [--by=NAME] [--out=DIR]
                     email a rep's statement again (a lost email), or without
                     --rep every statement of the period not delivered yet
              usage-intake --period=YYYY-MM --inbox=DIR [--out=DIR]
                     read the period's usage.csv to date as the close will, and
                     list what it would accept and reject (once a day)
              serve  [--jobs=DIR] [--out=DIR]
                     run the jobs of the catalog (default jobs/catalog) on their
                     schedules, with health and metrics over HTTP, until stopped
              serve  --worker [--out=DIR]
                     take rep ranges of calculation and statements from closes
                     run with --compclose.partition.mode=remote (RabbitMQ,
                     spring.rabbitmq.*), against the closes' database, until stopped
              help   this text

            --out defaults to ./out; the embedded database lives there unless
            SPRING_DATASOURCE_URL (or --spring.datasource.url=...) points elsewhere.
            Passwords never go on the command line: SPRING_DATASOURCE_PASSWORD,
            SPRING_MAIL_PASSWORD, ... in the environment, or files in a folder given
            as SPRING_CONFIG_IMPORT=configtree:FOLDER/ (spring.datasource.password, ...).
            exit codes: 0 completed, 1 failed (the same command restarts it),
                        2 bad usage or input, 3 stopped for review,
                        4 another close of the period is running (nothing started),
                        5 could not start (a setting, the database; nothing ran)""";

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "close", Set.of("period", "inbox", "out", "revise", "allow-empty"),
            "status", Set.of("period", "out"),
            "resend", Set.of("period", "rep", "by", "out"),
            "approve", Set.of("period", "by", "note", "out"),
            "lock", Set.of("period", "by", "note", "out"),
            "usage-intake", Set.of("period", "inbox", "out"),
            "serve", Set.of("jobs", "out", "worker"),
            "help", Set.of());

    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("--revise", "--worker");

    public static CommandLine parse(String[] args) {
        String command = null;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                command = "help";
            } else if (arg.startsWith("--spring.") || arg.startsWith("--logging.") || arg.startsWith("--compclose.")
                    || arg.startsWith("--server.") || arg.startsWith("--management.")) {
                refuseSecret(arg.substring(2), "on the command line");
                spring.add(arg);
            } else if (FLAGS.contains(arg)) {
                options.put(arg.substring(2), "true");
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    throw new UsageException("option " + arg + " needs a value, as in " + arg + "=...");
                }
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (command == null) {
                command = arg;
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        if (command == null) {
            throw new UsageException("no command given");
        }
        Set<String> allowed = OPTIONS.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command '" + command + "'");
        }
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("'" + command + "' does not take --" + name);
            }
        }
        return new CommandLine(command, options, spring);
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

    public YearMonth period(boolean required) {
        String value = options.get("period");
        if (value == null) {
            if (required) {
                throw new UsageException("--period=YYYY-MM is required");
            }
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--period must be a month YYYY-MM, was '" + value + "'");
        }
    }

    public Path inbox() {
        String value = options.get("inbox");
        if (value == null) {
            throw new UsageException("--inbox=DIR is required");
        }
        Path inbox = Path.of(value);
        if (!inbox.toFile().isDirectory()) {
            throw new UsageException("inbox folder " + inbox.toAbsolutePath().normalize() + " does not exist");
        }
        return inbox;
    }

    public boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    public String option(String name) {
        String value = options.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The required files {@code --allow-empty} lets a close run without (a month without bookings);
     * reps.csv is never one of them: a close without reps pays no one.
     */
    public Set<String> allowEmpty(Set<String> mayBeEmpty) {
        String value = options.get("allow-empty");
        if (value == null) {
            return Set.of();
        }
        Set<String> names = new java.util.TreeSet<>();
        for (String name : value.split(",")) {
            String file = name.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.csv$", "");
            if (!mayBeEmpty.contains(file)) {
                throw new UsageException("--allow-empty takes " + String.join(", ", new java.util.TreeSet<>(mayBeEmpty))
                        + " (a month without bookings), was '" + value + "'" + (file.equals("reps")
                                ? ": a close without reps pays no one" : ""));
            }
            names.add(file);
        }
        return names;
    }

    public Path out() {
        return Path.of(options.getOrDefault("out", "out"));
    }

    /** The job catalog folder of {@code serve}. */
    public Path jobs() {
        return Path.of(options.getOrDefault("jobs", "jobs/catalog"));
    }

    /** Bad usage: printed as one line and exit code 2. */
    public static class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
