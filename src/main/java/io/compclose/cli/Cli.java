package io.compclose.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import io.compclose.CompCloseApplication;
import io.compclose.audit.AuditLog;
import io.compclose.partition.PartitionProperties;
import io.compclose.partition.WorkerConfiguration;
import io.compclose.system.AtomicFiles;
import io.compclose.schedule.CatalogEntry;
import io.compclose.schedule.CatalogException;
import io.compclose.schedule.JobCatalog;
import io.compclose.intake.RequiredRowsCheck;
import io.compclose.system.CloseRun;
import io.compclose.system.StartupConsole;
import io.compclose.system.UsageIntakeRun;

/**
 * Parses the command line, starts Spring with the defaults that make the demo need no set-up
 * (an embedded H2 database and a log file under the output folder), and runs the command.
 */
public final class Cli {

    private static final String LOG_FILE = "compclose.log";
    private static final String H2_FILE = "jdbc:h2:file:";

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
        try {
            CommandLine line = CommandLine.parse(args);
            refuseSecretSystemProperties();
            if (line.command().equals("help")) {
                out.println(CommandLine.USAGE);
                return ExitCode.OK;
            }
            Path outDir = line.out().toAbsolutePath().normalize();
            CloseRun run = line.command().equals("close")
                    ? new CloseRun(line.period(true), line.inbox().toAbsolutePath().normalize(), outDir) : null;
            java.util.Set<String> allowEmpty = line.allowEmpty(RequiredRowsCheck.MAY_BE_EMPTY);
            if (line.command().equals("resend") || line.command().equals("approve") || line.command().equals("lock")) {
                line.period(true); // a bad period is a usage error before anything starts
            }
            if (line.command().equals("usage-intake")) {
                line.period(true);
                line.inbox();
            }
            requireWritable(outDir);
            if (line.command().equals("serve") && line.flag("worker")) {
                return work(line, outDir, out, extraConfiguration);
            }
            if (line.command().equals("serve")) {
                return serve(line, outDir, out, extraConfiguration);
            }
            try (ConfigurableApplicationContext context = start(line, outDir, extraConfiguration)) {
                return switch (line.command()) {
                    case "close" -> context.getBean(CloseCommand.class).run(run, line.flag("revise"), allowEmpty,
                            out, err);
                    case "usage-intake" -> context.getBean(UsageIntakeCommand.class).run(new UsageIntakeRun(
                            line.period(true), LocalDate.now(context.getBean(Clock.class)),
                            line.inbox().toAbsolutePath().normalize(), outDir), out, err);
                    case "status" -> context.getBean(StatusCommand.class).run(line.period(false), out);
                    case "approve" -> context.getBean(ApproveCommand.class).run(line.period(true), line.option("by"),
                            line.option("note"), outDir, out, err);
                    case "lock" -> context.getBean(LockCommand.class).run(line.period(true), line.option("by"),
                            line.option("note"), out, err);
                    case "resend" -> context.getBean(ResendCommand.class).run(line.period(true), line.option("rep"),
                            line.option("by") != null ? line.option("by") : AuditLog.osUser(), outDir,
                            out, err);
                    default -> throw new CommandLine.UsageException("unknown command '" + line.command() + "'");
                };
            }
        } catch (CommandLine.UsageException e) {
            err.println("compclose: " + e.getMessage());
            err.println("run 'java -jar compclose.jar help' for usage");
            return ExitCode.BAD_INPUT;
        } catch (CatalogException e) {
            err.println("compclose: " + e.getMessage());
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

    /** {@code java -Dspring.datasource.password=...} shows the password in the process list too. */
    private static void refuseSecretSystemProperties() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("spring.") || name.startsWith("compclose.") || name.startsWith("logging.")) {
                CommandLine.refuseSecret(name + "=" + System.getProperty(name), "as a -D option of the java command");
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

    /**
     * The embedded database holds everyone's pay. H2 creates its files with the process's umask, so
     * its folder is made owner-only before H2 opens it, even a folder that exists already.
     */
    private static void ownerOnlyEmbeddedDatabase(org.springframework.context.ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            StartupConsole.hold(); // logging is set up by now: a failed start is one line of ours, not Spring's report
            String url = prepared.getEnvironment().getProperty("spring.datasource.url", "");
            if (url.startsWith(H2_FILE)) {
                Path database = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]).toAbsolutePath();
                try {
                    AtomicFiles.createOwnerOnlyFolder(database.getParent());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot create the database folder "
                            + database.getParent() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static ConfigurableApplicationContext start(CommandLine line, Path outDir, Class<?>[] extra) {
        return started(application(outDir, "", extra).web(WebApplicationType.NONE), line, outDir);
    }

    /**
     * Starts one application context at a time in this JVM. Spring Boot's logging set-up is not safe for
     * two applications starting at once (a ConcurrentModificationException), which a JVM running closes
     * side by side, as the tests do, would hit; what runs after the start still runs side by side.
     */
    private static synchronized ConfigurableApplicationContext started(SpringApplicationBuilder application,
            CommandLine line, Path outDir) {
        try {
            ConfigurableApplicationContext context = application.run(line.springArgs().toArray(String[]::new));
            StartupConsole.release();
            return context;
        } catch (RuntimeException e) {
            StartupConsole.discard();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CommandLine.UsageException || t instanceof CatalogException
                        || t instanceof OutputFolderException) {
                    throw (RuntimeException) t;
                }
            }
            throw new StartupException(e, outDir.resolve("logs").resolve(LOG_FILE));
        }
    }

    /** {@code serve}: returns once the service has been stopped (SIGTERM, or its context closed). */
    private static int serve(CommandLine line, Path outDir, PrintStream out, Class<?>[] extra)
            throws InterruptedException {
        return untilStopped(startServing(line, outDir, out, extra));
    }

    /** {@code serve --worker}: returns once the worker has been stopped (SIGTERM, or its context closed). */
    private static int work(CommandLine line, Path outDir, PrintStream out, Class<?>[] extra)
            throws InterruptedException {
        return untilStopped(startWorking(line, outDir, out, extra));
    }

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
    static ConfigurableApplicationContext startWorking(CommandLine line, Path outDir, PrintStream out,
            Class<?>... extra) {
        ConfigurableApplicationContext context = started(application(outDir, "", extra)
                .web(WebApplicationType.NONE)
                .profiles(WorkerConfiguration.PROFILE), line, outDir);
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            context.close();
            throw new CommandLine.UsageException("a worker runs against the database of the closes it serves, and "
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
    static ConfigurableApplicationContext startServing(CommandLine line, Path outDir, PrintStream out,
            Class<?>... extra) {
        Path jobs = line.jobs().toAbsolutePath().normalize();
        JobCatalog catalog = JobCatalog.load(jobs);
        // H2 closes an embedded database at JVM exit by itself; the service closes it only once a running
        // job has finished (CatalogScheduler waits for it on SIGTERM)
        ConfigurableApplicationContext context = started(application(outDir, ";DB_CLOSE_ON_EXIT=FALSE", extra)
                .web(WebApplicationType.SERVLET)
                .profiles("serve")
                .properties(Map.of("compclose.serve.jobs", jobs.toString(), "compclose.serve.out",
                        outDir.toString())), line, outDir);
        // Actuator is on the management port where one is set, else on the web server's
        String port = context.getEnvironment().getProperty("local.management.port",
                String.valueOf(((WebServerApplicationContext) context).getWebServer().getPort()));
        String address = context.getEnvironment().getProperty("management.server.address",
                context.getEnvironment().getProperty("server.address", "0.0.0.0"));
        Clock clock = context.getBean(Clock.class);
        out.println("Serving " + catalog.entries().size() + " scheduled jobs from " + jobs + " into " + outDir);
        for (CatalogEntry entry : catalog.entries()) {
            out.println("  " + entry.name() + ": " + entry.command().word() + " (" + entry.period().word() + "), cron '"
                    + entry.cron() + "' " + entry.zone() + ", next at "
                    + CatalogScheduler.nextRun(entry, clock).atZone(entry.zone()).toLocalDateTime());
        }
        out.println("Health and metrics: http://" + address + ":" + port + "/actuator/health and /actuator/metrics");
        return context;
    }

    private static SpringApplicationBuilder application(Path outDir, String h2Options, Class<?>[] extra) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.datasource.url", H2_FILE + outDir.resolve("db").resolve("compclose")
                + ";MODE=MySQL;DEFAULT_NULL_ORDERING=HIGH" + h2Options);
        defaults.put("logging.file.name", outDir.resolve("logs").resolve(LOG_FILE).toString());
        return new SpringApplicationBuilder(CompCloseApplication.class).sources(extra).properties(defaults)
                .listeners(Cli::ownerOnlyEmbeddedDatabase, new LogProblemsOffTheConsole());
    }
}
