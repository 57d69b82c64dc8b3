package io.compclose.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import io.compclose.CompCloseApplication;
import io.compclose.audit.AuditLogRepository;
import io.compclose.core.input.BadInputException;
import io.compclose.core.plan.PayPeriod;
import io.compclose.intake.InputContract;
import io.compclose.partition.PartitionProperties;
import io.compclose.partition.WorkerConfiguration;
import io.compclose.schedule.CatalogEntry;
import io.compclose.schedule.CatalogException;
import io.compclose.schedule.JobCatalog;
import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseRun;
import io.compclose.system.PayCalendar;
import io.compclose.system.StartupConsole;
import io.compclose.system.UsageIntakeRun;

/**
 * Parses the command line, starts Spring with the defaults that make the demo need no set-up
 * (an embedded H2 database and a log file under the output folder), and runs the command.
 */
public final class Cli {

    private static final String LOG_FILE = "compclose.log";
    private static final String H2_FILE = "jdbc:h2:file:";
    /** H2's option to open an existing database only, and its error code when there is none. */
    private static final String IF_EXISTS = ";IFEXISTS=TRUE";
    private static final int H2_DATABASE_NOT_FOUND = 90146;

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new Class<?>[0]);
    }

    /**
     * Runs a command with extra configuration classes in the context: how an embedding
     * application (or a test) adds listeners to the close's steps.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Class<?>... extraConfiguration) {
        StartupConsole.quietBeforeLoggingIsSetUp();
        try {
            Arguments line = Arguments.parse(args);
            refuseSecretSystemProperties();
            if (line.command() instanceof Commands.Help help) {
                out.println(help.command == null ? line.overview() : line.usage(help.command));
                return ExitCode.OK;
            }
            if (line.command() instanceof Commands.Inputs) {
                out.print(InputContract.markdown());
                return ExitCode.OK;
            }
            Commands.Base command = (Commands.Base) line.command();
            Path outDir = command.out().toAbsolutePath().normalize();
            if (command instanceof Commands.Close close) {
                requireFolder(close.inbox);
            } else if (command instanceof Commands.UsageIntake usage) {
                requireFolder(usage.inbox);
            }
            boolean status = command instanceof Commands.Status;
            List<Path> before = status ? absent(outDir) : List.of();
            requireWritable(outDir);
            if (command instanceof Commands.Serve serve) {
                return untilStopped(serve.worker ? startWorking(line, outDir, out, extraConfiguration)
                        : startServing(line, serve.jobs, outDir, out, extraConfiguration));
            }
            if (command instanceof Commands.Console) {
                return untilStopped(startServing(line, null, outDir, out, extraConfiguration));
            }
            // status only reads: an output folder without the embedded database is not given one
            try (ConfigurableApplicationContext context = started(application(outDir, status ? IF_EXISTS : "",
                    extraConfiguration).web(WebApplicationType.NONE), line, outDir)) {
                return run(command, context, outDir, out, err);
            } catch (StartupException e) {
                if (status && noEmbeddedDatabase(e)) {
                    removeCreated(before);
                    out.println("No close has run with the output folder " + outDir + ": it holds no database ("
                            + outDir.resolve("db") + "). Give status the --out of the close.");
                    return ExitCode.OK;
                }
                throw e;
            }
        } catch (Arguments.UsageException e) {
            err.println("compclose: " + e.getMessage());
            if (!Arguments.answers(e)) {
                err.println("run 'java -jar compclose.jar help' for usage");
            }
            return ExitCode.BAD_INPUT;
        } catch (CatalogException e) {
            err.println("compclose: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (UnreadableCalendar e) {
            err.println("compclose: " + e.getMessage());
            err.println("Fix " + CloseFacts.SetupProblem.ofPayCalendar(e.getMessage()).fixedIn()
                    + " and run the same command again.");
            return ExitCode.BAD_INPUT;
        } catch (StartupException e) {
            err.println("compclose: could not start, nothing was run: " + Failures.startup(e.getCause())
                    + " (details: " + e.logFile + ")");
            return ExitCode.NOT_STARTED;
        } catch (OutputFolderException e) {
            err.println("compclose: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (Exception e) {
            err.println("compclose: " + Failures.describe(e));
            err.println("details are in the log file under the output folder (logs/compclose.log)");
            return ExitCode.FAILED;
        }
    }

    private static int run(Commands.Base command, ConfigurableApplicationContext context, Path outDir, PrintStream out,
            PrintStream err) throws Exception {
        if (command instanceof Commands.Close close) {
            PayCalendar calendar = context.getBean(PayCalendar.class);
            return context.getBean(CloseCommand.class).run(new CloseRun(period(calendar, close.period),
                    calendar.schedule(), close.inbox.toAbsolutePath().normalize(), outDir), close.revise,
                    close.allowEmpty(), out, err);
        } else if (command instanceof Commands.UsageIntake usage) {
            return context.getBean(UsageIntakeCommand.class).run(new UsageIntakeRun(
                    period(context.getBean(PayCalendar.class), usage.period).month(),
                    LocalDate.now(context.getBean(Clock.class)), usage.inbox.toAbsolutePath().normalize(), outDir),
                    out, err);
        } else if (command instanceof Commands.Status status) {
            return context.getBean(StatusCommand.class).run(status.period == null ? null
                    : period(context.getBean(PayCalendar.class), status.period), out);
        } else if (command instanceof Commands.Approve approve) {
            return context.getBean(ApproveCommand.class).run(period(context.getBean(PayCalendar.class), approve.period),
                    blankToNull(approve.by),
                    blankToNull(approve.note), outDir, out, err);
        } else if (command instanceof Commands.Lock lock) {
            return context.getBean(LockCommand.class).run(period(context.getBean(PayCalendar.class), lock.period),
                    blankToNull(lock.by), blankToNull(lock.note),
                    out, err);
        } else if (command instanceof Commands.Resend resend) {
            return context.getBean(ResendCommand.class).run(period(context.getBean(PayCalendar.class), resend.period),
                    blankToNull(resend.rep),
                    blankToNull(resend.by) != null ? blankToNull(resend.by) : AuditLogRepository.osUser(), outDir, out, err);
        }
        throw new IllegalStateException("no way to run " + command.getClass().getSimpleName());
    }

    /** The pay period {@code --period} names, refused with the calendar's periods of that month if it is none. */
    private static PayPeriod period(PayCalendar calendar, String name) {
        try {
            return calendar.period(name);
        } catch (BadInputException e) {
            throw new UnreadableCalendar(Failures.describe(e));
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException("--period " + e.getMessage());
        }
    }

    /** The pay calendar cannot be read: no period can be named, and nothing starts. */
    private static final class UnreadableCalendar extends RuntimeException {
        UnreadableCalendar(String message) {
            super(message);
        }
    }

    /** The output folder, its log folder and log file that do not exist yet, innermost first. */
    private static List<Path> absent(Path outDir) {
        Path logs = outDir.resolve("logs");
        return java.util.stream.Stream.of(logs.resolve(LOG_FILE), logs, outDir).filter(Files::notExists).toList();
    }

    /**
     * Removes what a status that found nothing made: the log of its start. Which database status reads is
     * known only once the configuration is, and the log is written from the start on.
     */
    private static void removeCreated(List<Path> created) throws java.io.IOException {
        for (Path path : created) {
            try {
                Files.deleteIfExists(path);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                return; // something else was put there meanwhile: it stays, and so does its folder
            }
        }
    }

    /** Whether the start failed only because the embedded database, opened if it exists, does not. */
    private static boolean noEmbeddedDatabase(StartupException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_DATABASE_NOT_FOUND) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void requireFolder(Path inbox) {
        if (!inbox.toFile().isDirectory()) {
            throw new Arguments.UsageException("inbox folder " + inbox.toAbsolutePath().normalize()
                    + " does not exist");
        }
    }

    /** {@code java -Dspring.datasource.password=...} shows the password in the process list too. */
    private static void refuseSecretSystemProperties() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("spring.") || name.startsWith("compclose.") || name.startsWith("logging.")) {
                Arguments.refuseSecret(name + "=" + System.getProperty(name), "as a -D option of the java command");
            }
        }
    }

    /** A clear word before anything starts, rather than a failure half-way through the close. */
    private static void requireWritable(Path outDir) {
        try {
            AtomicFiles.createOwnerOnlyFile(outDir.resolve("logs").resolve(LOG_FILE));
            Files.deleteIfExists(Files.createTempFile(outDir, ".write-check", ".tmp"));
        } catch (java.io.IOException | SecurityException e) {
            throw new OutputFolderException("cannot write to the output folder " + outDir + " ("
                    + e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    /** The output folder cannot be written: nothing was started, so nothing needs restarting. */
    static class OutputFolderException extends RuntimeException {
        OutputFolderException(String message) {
            super(message);
        }
    }

    /** The application context did not start: a wrong setting, a missing database, or a defect; nothing ran. */
    static class StartupException extends RuntimeException {
        private final Path logFile;

        StartupException(RuntimeException cause, Path logFile) {
            super(cause);
            this.logFile = logFile;
        }
    }

    /** Logging is set up by now: a failed start is one line of ours, not Spring's report. */
    private static void holdTheConsole(org.springframework.context.ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent) {
            StartupConsole.hold();
        }
    }

    /**
     * The embedded database holds everyone's pay. H2 creates its files with the process's umask, so
     * its folder is made owner-only before H2 opens it, even a folder that exists already.
     */
    private static void ownerOnlyEmbeddedDatabase(org.springframework.core.env.Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith(H2_FILE) && !url.contains(IF_EXISTS)) {
            Path database = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]).toAbsolutePath();
            try {
                AtomicFiles.createOwnerOnlyFolder(database.getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create the database folder "
                        + database.getParent() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Starts one application context at a time in this JVM. Spring Boot's logging set-up is not safe for
     * two applications starting at once (a ConcurrentModificationException), which a JVM running closes
     * side by side, as the tests do, would hit; what runs after the start still runs side by side.
     */
    private static synchronized ConfigurableApplicationContext started(SpringApplicationBuilder application,
            Arguments line, Path outDir) {
        try {
            ConfigurableApplicationContext context = application.run(line.springArgs().toArray(String[]::new));
            StartupConsole.release();
            return context;
        } catch (RuntimeException e) {
            StartupConsole.discard();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Arguments.UsageException || t instanceof CatalogException
                        || t instanceof OutputFolderException) {
                    throw (RuntimeException) t;
                }
            }
            throw new StartupException(e, outDir.resolve("logs").resolve(LOG_FILE));
        }
    }

    /** {@code serve}, {@code serve --worker}: returns once stopped (SIGTERM, or its context closed). */
    private static int untilStopped(ConfigurableApplicationContext started) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (ConfigurableApplicationContext context = started) {
            context.addApplicationListener((ContextClosedEvent closed) -> stopped.countDown());
            if (context.isActive()) {
                stopped.await();
            }
        }
        return ExitCode.OK;
    }

    /**
     * Starts a worker: no web server and no schedule, only the rep ranges that closes hand out. It
     * refuses the embedded database, which no other process can share.
     */
    static ConfigurableApplicationContext startWorking(Arguments line, Path outDir, PrintStream out,
            Class<?>... extra) {
        ConfigurableApplicationContext context = started(application(outDir, "", extra)
                .web(WebApplicationType.NONE)
                .profiles(WorkerConfiguration.PROFILE), line, outDir);
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            context.close();
            throw new Arguments.UsageException("a worker runs against the database of the closes it serves, and "
                    + "the embedded one cannot be shared: set SPRING_DATASOURCE_URL (or --spring.datasource.url=...) "
                    + "to the closes' MySQL or MariaDB database");
        }
        PartitionProperties partitions = context.getBean(PartitionProperties.class);
        String rabbit = context.getEnvironment().getProperty("spring.rabbitmq.host", "localhost") + ":"
                + context.getEnvironment().getProperty("spring.rabbitmq.port", "5672");
        out.println("Worker ready: taking rep ranges of calculateEarnings and renderStatements from queue '"
                + partitions.queue() + "' on RabbitMQ at " + rabbit + ", " + partitions.threadCount() + " at once, "
                + "writing to " + io.compclose.system.Secrets.mask(url));
        return context;
    }

    /**
     * Checks the job catalog (every problem at once, before anything starts), then starts the service:
     * a web server for Actuator, and the catalog on the scheduler.
     */
    static ConfigurableApplicationContext startServing(Arguments line, Path jobFolder, Path outDir, PrintStream out,
            Class<?>... extra) {
        boolean scheduled = jobFolder != null; // console: no catalog
        Path jobs = (scheduled ? jobFolder : Path.of("jobs/catalog")).toAbsolutePath().normalize();
        LoadingCatalog loading = scheduled ? LoadingCatalog.start(jobs) : LoadingCatalog.none(jobs);
        // H2 closes an embedded database at JVM exit by itself; the service closes it only once a running
        // job has finished (CatalogScheduler waits for it on SIGTERM)
        ConfigurableApplicationContext context;
        try {
            context = started(application(outDir, ";DB_CLOSE_ON_EXIT=FALSE", extra, loading::join)
                    .web(WebApplicationType.SERVLET)
                    .profiles("serve")
                    .initializers(starting -> starting.getBeanFactory().registerSingleton(LoadingCatalog.BEAN, loading))
                    .properties(Map.of("compclose.serve.jobs", jobs.toString(), "compclose.serve.schedule", scheduled,
                            "compclose.serve.out", outDir.toString(), "compclose.console.users",
                            outDir.resolve("console").resolve("users.csv").toString())), line, outDir);
        } catch (StartupException e) {
            loading.join(); // a catalog with problems is said first, as when it was checked before the start
            throw e;
        }
        JobCatalog catalog = loading.join();
        // Actuator is on the management port where one is set, else on the web server's
        String port = context.getEnvironment().getProperty("local.management.port",
                String.valueOf(((WebServerApplicationContext) context).getWebServer().getPort()));
        String address = context.getEnvironment().getProperty("management.server.address",
                context.getEnvironment().getProperty("server.address", "0.0.0.0"));
        Clock clock = context.getBean(Clock.class);
        out.println(scheduled ? "Serving " + catalog.entries().size() + " scheduled jobs from " + jobs + " into " + outDir
                : "Serving the console over the closes in " + outDir + ", with no scheduled jobs");
        for (CatalogEntry entry : catalog.entries()) {
            out.println("  " + entry.name() + ": " + CatalogScheduler.described(entry, clock));
        }
        out.println("Health and metrics: http://" + address + ":" + port + "/actuator/health and /actuator/metrics");
        out.println("Console: http://" + context.getEnvironment().getProperty("server.address", "0.0.0.0") + ":"
                + ((WebServerApplicationContext) context).getWebServer().getPort() + "/");
        context.getBeansOfType(io.compclose.system.StartAnnouncement.class).values()
                .forEach(announcement -> announcement.lines().forEach(out::println));
        return context;
    }

    private static SpringApplicationBuilder application(Path outDir, String h2Options, Class<?>[] extra) {
        return application(outDir, h2Options, extra, () -> {
        });
    }

    /**
     * @param beforeTheDatabase runs once the configuration is read, before any bean is made and so before the
     *                          database is created or opened: what may still refuse the start without leaving one
     */
    private static SpringApplicationBuilder application(Path outDir, String h2Options, Class<?>[] extra,
            Runnable beforeTheDatabase) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.datasource.url", H2_FILE + outDir.resolve("db").resolve("compclose")
                + ";MODE=MySQL;DEFAULT_NULL_ORDERING=HIGH" + h2Options);
        defaults.put("logging.file.name", outDir.resolve("logs").resolve(LOG_FILE).toString());
        return new SpringApplicationBuilder(CompCloseApplication.class).sources(extra).properties(defaults)
                .listeners(Cli::holdTheConsole, new LogProblemsOffTheConsole())
                .initializers(context -> context.addBeanFactoryPostProcessor(beanFactory -> {
                    beforeTheDatabase.run();
                    ownerOnlyEmbeddedDatabase(context.getEnvironment());
                }));
    }
}
