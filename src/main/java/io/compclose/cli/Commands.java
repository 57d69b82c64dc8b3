package io.compclose.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import io.compclose.intake.RequiredRowsCheck;

/**
 * The commands and their typed options, as picocli parses and documents them ({@code help}, {@code help close},
 * {@code close --help}); {@link Cli} runs the parsed command. Option values are checked here, before anything
 * starts: a bad one is a usage error (exit 2).
 */
final class Commands {

    static final String NAME = "java -jar compclose.jar";

    static final String FOOTER = """
            --out defaults to ./out; the embedded database lives there unless
            SPRING_DATASOURCE_URL (or --spring.datasource.url=...) points elsewhere.
            Passwords never go on the command line: SPRING_DATASOURCE_PASSWORD,
            SPRING_MAIL_PASSWORD, ... in the environment, or files in a folder given
            as SPRING_CONFIG_IMPORT=configtree:FOLDER/ (spring.datasource.password, ...).
            exit codes: 0 completed, 1 failed (the same command restarts it),
                        2 bad usage or input, 3 stopped for review,
                        4 another close of the period is running (nothing started),
                        5 could not start (a setting, the database; nothing ran)""";

    private Commands() {
    }

    /** A fresh parser: picocli keeps the parsed values in the command objects, so one per command line. */
    static CommandLine parser() {
        CommandLine line = new CommandLine(new Top());
        line.setExpandAtFiles(false); // an argument that begins with @ is a value, not a file of arguments
        line.setUnmatchedArgumentsAllowed(true); // Arguments answers them, with the nearest valid option
        return line;
    }

    @Command(name = NAME, subcommands = {Close.class, Status.class, Approve.class, Lock.class, Resend.class,
            UsageIntake.class, Serve.class, Console.class, Inputs.class, Help.class})
    static final class Top {
        @Option(names = {"--help", "-h"}, usageHelp = true, hidden = true)
        boolean help;
    }

    /** What every command has: {@code --help}, and the output folder. */
    abstract static class Base {
        @Option(names = {"--help", "-h"}, usageHelp = true, hidden = true)
        boolean help;
        @Spec
        CommandSpec spec;

        /** The {@link OutFolder} each command declares last, so that its usage lists {@code --out} last. */
        Path out() {
            return spec.findOption("--out").getValue();
        }
    }

    /** A command of one pay period, which it names first. */
    abstract static class ForPeriod extends Base {
        @Option(names = "--period", paramLabel = "YYYY-MM", required = true, converter = PeriodName.class,
                description = {"the pay period; on a semi-monthly or bi-weekly pay",
                    "calendar its last day, YYYY-MM-DD"})
        String period;
    }

    /** A decision about a period that names who takes it (approve, lock): "who approves", "who locks". */
    abstract static class Signed extends ForPeriod {
        @Option(names = "--by", paramLabel = "NAME", required = true, description = "who ${COMMAND-NAME}s")
        String by;
        @Option(names = "--note", paramLabel = "TEXT", description = "why")
        String note;
        @Mixin
        OutFolder output;
    }

    /** {@code --out}: where the outputs, the log and the embedded database go. */
    static final class OutFolder {
        @Option(names = "--out", paramLabel = "DIR", description = "the output folder (default: out)")
        Path out = Path.of("out");
    }

    @Command(name = "close", sortOptions = false, sortSynopsis = false, description = {
            "run the close of a pay period, or restart it where it stopped;",
            "--revise recalculates a closed period from a corrected inbox;",
            "--allow-empty=bookings closes a month without bookings (else",
            "a bookings.csv with no accepted row stops the close, exit 2)"})
    static final class Close extends ForPeriod {
        @Option(names = "--inbox", paramLabel = "DIR", required = true, description = "the folder of the input files")
        Path inbox;
        @Mixin
        OutFolder output;
        @Option(names = "--revise", description = "recalculate a closed period from a corrected inbox")
        boolean revise;
        @Option(names = "--allow-empty", paramLabel = "bookings", converter = MayBeEmpty.class,
                description = "required files that may have no accepted row")
        String allowEmpty = "";

        Set<String> allowEmpty() {
            return allowEmpty.isEmpty() ? Set.of() : new TreeSet<>(List.of(allowEmpty.split(",")));
        }
    }

    @Command(name = "status", sortOptions = false, sortSynopsis = false, description =
            "executions, steps, and read / written / rejected counts")
    static final class Status extends Base {
        @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodName.class,
                description = "only this pay period")
        String period;
        @Mixin
        OutFolder output;
    }

    @Command(name = "approve", sortOptions = false, sortSynopsis = false, description = {
            "approve a close stopped for review (exit 3); the next",
            "close continues to payroll and statements"})
    static final class Approve extends Signed {
    }

    @Command(name = "lock", sortOptions = false, sortSynopsis = false, description = {
            "lock a closed period: its figures never change again, and",
            "late inputs and corrections for it go to the next period"})
    static final class Lock extends Signed {
    }

    @Command(name = "resend", sortOptions = false, sortSynopsis = false, description = {
            "email a rep's statement again (a lost email), or without",
            "--rep every statement of the period not delivered yet"})
    static final class Resend extends ForPeriod {
        @Option(names = "--rep", paramLabel = "ID", description = "the rep (default: every undelivered statement)")
        String rep;
        @Option(names = "--by", paramLabel = "NAME", description = "who asks (default: the user running this)")
        String by;
        @Mixin
        OutFolder output;
    }

    @Command(name = "usage-intake", sortOptions = false, sortSynopsis = false, description = {
            "read the period's usage.csv to date as the close will, and",
            "list what it would accept and reject (once a day)"})
    static final class UsageIntake extends ForPeriod {
        @Option(names = "--inbox", paramLabel = "DIR", required = true, description = "the folder of usage.csv")
        Path inbox;
        @Mixin
        OutFolder output;
    }

    @Command(name = "serve", sortOptions = false, customSynopsis = {
            NAME + " serve [--jobs=DIR] [--out=DIR]",
            NAME + " serve --worker [--out=DIR]"}, description = {
            "run the jobs of the catalog (default jobs/catalog) on their",
            "schedules, with the console, health and metrics over HTTP, until",
            "stopped;",
            "--worker: take rep ranges of calculation and statements from closes",
            "run with --compclose.partition.mode=remote (RabbitMQ,",
            "spring.rabbitmq.*), against the closes' database, until stopped"})
    static final class Serve extends Base {
        @Option(names = "--jobs", paramLabel = "DIR", description = "the job catalog (default: jobs/catalog)")
        Path jobs = Path.of("jobs/catalog");
        @Option(names = "--worker", description = "serve as a worker of remote partitioning")
        boolean worker;
        @Mixin
        OutFolder output;
    }

    @Command(name = "console", sortOptions = false, description = {
            "serve the console only (sign-in, periods, payroll files, a rep's",
            "statements) over the closes in --out, with no scheduled jobs, until",
            "stopped"})
    static final class Console extends Base {
        @Mixin
        OutFolder output;
    }

    @Command(name = "inputs", description = {"print the input contract, the inbox files' columns and",
            "checks, as markdown (jobs/inputs.md holds it)"})
    static final class Inputs {
        @Option(names = {"--help", "-h"}, usageHelp = true, hidden = true)
        boolean help;
    }

    @Command(name = "help", description = "this text; 'help <command>' for one command's options")
    static final class Help {
        @Parameters(arity = "0..1", paramLabel = "<command>", description = "the command to explain")
        String command;
    }

    /**
     * {@code --period}: a month as YYYY-MM, or a day as YYYY-MM-DD (a semi-monthly or bi-weekly period's last
     * day). Whether it is one of the pay calendar's periods is known once the configuration is read.
     */
    static final class PeriodName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                if (value.length() == 7) {
                    YearMonth.parse(value);
                } else {
                    java.time.LocalDate.parse(value);
                }
                return value;
            } catch (DateTimeParseException e) {
                throw new Refused("must be a month YYYY-MM, was '" + value + "' (on a semi-monthly or bi-weekly "
                        + "pay calendar: the period's last day, YYYY-MM-DD)");
            }
        }
    }

    /**
     * {@code --allow-empty}: the required files a close may run without (a month without bookings); reps.csv is
     * never one of them: a close without reps pays no one.
     */
    static final class MayBeEmpty implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            Set<String> files = new TreeSet<>();
            for (String name : value.split(",")) {
                String file = name.strip().toLowerCase(Locale.ROOT).replaceFirst("\\.csv$", "");
                if (!RequiredRowsCheck.MAY_BE_EMPTY.contains(file)) {
                    throw new Refused("takes " + String.join(", ", new TreeSet<>(RequiredRowsCheck.MAY_BE_EMPTY))
                            + " (a month without bookings), was '" + value + "'"
                            + (file.equals("reps") ? ": a close without reps pays no one" : ""));
                }
                files.add(file);
            }
            return String.join(",", files);
        }
    }

    /** A value one of these converters refuses: the message follows the option's name ("--period must be ..."). */
    static final class Refused extends TypeConversionException {
        Refused(String message) {
            super(message);
        }
    }
}
