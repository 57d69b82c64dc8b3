package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.job.UsageIntakeJobConfiguration;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.ManualTaskScheduler;
import io.compclose.support.TestClock;
import io.compclose.support.TestDatabases;

/**
 * {@code serve} with the shipped job catalog, on a test clock: each job runs when its cron expression
 * is due and not before, as the command line would run it, and Actuator shows health and Spring
 * Batch's metrics over HTTP. Time is moved by the test, never waited for.
 */
class ServeFunctionalTests {

    private static final String NOVEMBER_USAGE = """
            usage_id,account_id,product,usage_month,quantity,unit,revenue,currency
            U1,A-300,ANALYTICS,2026-11,,,1200.50,USD
            U2,A-302,ANALYTICS,2026-11,,,300,USD
            U3,A-302,ANALYTICS,2026-11,,,-5,USD
            """;

    @TempDir
    Path work;

    @Test
    void theShippedCatalogRunsEachJobWhenItIsDue() throws Exception {
        // given the shipped catalog reading work/inbox/<period>: October's sample month, November's usage so far
        Path inboxes = work.resolve("inbox");
        copySampleInbox(inboxes.resolve("2026-10"));
        Files.createDirectories(inboxes.resolve("2026-11"));
        Files.writeString(inboxes.resolve("2026-11/usage.csv"), NOVEMBER_USAGE);
        Path jobs = shippedCatalog(inboxes, "daily-usage-intake.yaml", "monthly-close.yaml", "statement-resend.yaml");
        Path out = work.resolve("out");
        TestClock.shared().set(Instant.parse("2026-11-01T00:00:00Z"));

        try (ConfigurableApplicationContext service = serve(jobs, out)) {
            ManualTaskScheduler scheduler = service.getBean(ManualTaskScheduler.class);
            JobRepository repository = service.getBean(JobRepository.class);
            MeterRegistry meters = service.getBean(MeterRegistry.class);

            // nothing is due before 05:30 UTC
            scheduler.advanceTo(Instant.parse("2026-11-01T05:29:59Z"));
            assertThat(repository.findJobInstances(UsageIntakeJobConfiguration.JOB_NAME)).isEmpty();
            assertThat(repository.findJobInstances(MonthlyCloseJobConfiguration.JOB_NAME)).isEmpty();

            // when the morning of 1 November passes
            scheduler.advanceTo(Instant.parse("2026-11-01T06:30:00Z"));

            // then at 05:30 the usage intake read November to date: 1,200.50 + 300 accepted, the credit note not
            assertThat(executions(repository, UsageIntakeJobConfiguration.JOB_NAME)).containsExactly(
                    "2026-11 as of 2026-11-01 COMPLETED");
            assertThat(Files.readAllLines(out.resolve("usage/2026-11/usage-to-date-2026-11-01.csv"))).containsExactly(
                    "account_id,usage_month,currency,usage_rows,revenue",
                    "A-300,2026-11,USD,1,1200.50",
                    "A-302,2026-11,USD,1,300.00");
            assertThat(Files.readAllLines(out.resolve("usage/2026-11/rejects-2026-11-01.csv")))
                    .contains("usage.csv,4,revenue,must not be negative (credit notes belong in adjustments.csv),'-5");
            // and at 06:00 the close of October, with the figures of the same close run by hand
            assertThat(executions(repository, MonthlyCloseJobConfiguration.JOB_NAME)).containsExactly(
                    "2026-10 COMPLETED");
            assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.ctl")))
                    .contains("row_count=8", "total_EUR=80783.52", "total_USD=236820.46");
            assertThat(runs(meters, "daily-usage-intake", "completed")).isEqualTo(1);
            assertThat(runs(meters, "monthly-close", "completed")).isEqualTo(1);
            assertThat(runs(meters, "statement-resend", "completed")).isZero();

            // when the next morning passes: the intake reads the 2nd's file, the close finds October
            // closed and does nothing, and at 07:00 the resend finds every statement delivered
            scheduler.advanceTo(Instant.parse("2026-11-02T07:00:00Z"));

            assertThat(executions(repository, UsageIntakeJobConfiguration.JOB_NAME)).containsExactly(
                    "2026-11 as of 2026-11-01 COMPLETED", "2026-11 as of 2026-11-02 COMPLETED");
            assertThat(executions(repository, MonthlyCloseJobConfiguration.JOB_NAME)).containsExactly(
                    "2026-10 COMPLETED");
            assertThat(runs(meters, "monthly-close", "completed")).isEqualTo(2);
            assertThat(runs(meters, "statement-resend", "completed")).isEqualTo(1);
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log", Long.class)).isEqualTo(10);

            // and Actuator shows the health with the database, and Spring Batch's job and step timers
            HttpResponse<String> health = get(service, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"db\":{\"details\":{\"database\":\"H2\"")
                    .endsWith(",\"status\":\"UP\"}");
            HttpResponse<String> job = get(service, "/actuator/metrics/spring.batch.job");
            assertThat(job.statusCode()).isEqualTo(200);
            assertThat(job.body()).contains("\"spring.batch.job.name\"").contains("\"monthlyClose\"")
                    .contains("\"usageIntake\"");
            assertThat(get(service, "/actuator/metrics/spring.batch.step?tag=spring.batch.step.name:creditBookings")
                    .statusCode()).isEqualTo(200);
            assertThat(get(service, "/actuator/metrics/compclose.schedule.runs?tag=job:monthly-close").body())
                    .contains("{\"statistic\":\"COUNT\",\"value\":2.0}");
            // items are not timed one by one (see application.properties)
            assertThat(get(service, "/actuator/metrics").body()).contains("\"spring.batch.chunk.write\"")
                    .doesNotContain("spring.batch.item.read");
        }
    }

    @Test
    void aCloseStillRunningIsNotStartedAgain() throws Exception {
        // given a catalog whose close fires while the close it started is still in loadBookings
        Path jobs = shippedCatalog(work, "monthly-close.yaml");
        copySampleInbox(work.resolve("2026-10"));
        TestClock.shared().set(Instant.parse("2026-11-01T05:59:00Z"));
        RelaunchDuringTheClose.outcome = null;

        try (ConfigurableApplicationContext service = serve(jobs, work.resolve("out"),
                RelaunchDuringTheClose.class)) {
            // when 06:00 comes
            service.getBean(ManualTaskScheduler.class).advanceTo(Instant.parse("2026-11-01T06:00:00Z"));

            // then the second launch was skipped and the first one completed alone
            assertThat(RelaunchDuringTheClose.outcome).isEqualTo(CatalogLauncher.Outcome.SKIPPED);
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            assertThat(runs(meters, "monthly-close", "skipped")).isEqualTo(1);
            assertThat(runs(meters, "monthly-close", "completed")).isEqualTo(1);
            assertThat(executions(service.getBean(JobRepository.class), MonthlyCloseJobConfiguration.JOB_NAME))
                    .containsExactly("2026-10 COMPLETED");
        }
    }

    @Test
    void aCloseRunningInAnotherProcessIsLeftAloneAndRestartedOnceItHasFailed() throws Exception {
        // given a close of October that another process runs on the shared database (it failed in
        // creditBookings and is marked running again, as a close under way looks)
        Path out = work.resolve("out");
        String url = TestDatabases.freshMariaDb("compclose_serve");
        CloseFixture otherProcess = new CloseFixture(out, url, false);
        FaultInjection.arm("creditBookings", 1);
        assertThat(otherProcess.close(FaultInjection.class).exitCode()).isEqualTo(1);
        otherProcess.jdbc().update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL");
        copySampleInbox(work.resolve("2026-10"));
        Path jobs = shippedCatalog(work, "monthly-close.yaml");
        TestClock.shared().set(Instant.parse("2026-11-01T05:59:00Z"));

        try (ConfigurableApplicationContext service = serve(jobs, out, List.of("--spring.datasource.url=" + url))) {
            ManualTaskScheduler scheduler = service.getBean(ManualTaskScheduler.class);
            JobRepository repository = service.getBean(JobRepository.class);
            MeterRegistry meters = service.getBean(MeterRegistry.class);

            // when 06:00 comes, then the scheduled close leaves the running one alone
            scheduler.advanceTo(Instant.parse("2026-11-01T06:00:00Z"));
            assertThat(runs(meters, "monthly-close", "skipped")).isEqualTo(1);
            assertThat(executions(repository, MonthlyCloseJobConfiguration.JOB_NAME)).containsExactly(
                    "2026-10 STARTED");

            // when the other process has stopped with its close failed, the next morning's run restarts it
            otherProcess.jdbc().update(
                    "UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', END_TIME = CURRENT_TIMESTAMP");
            scheduler.advanceTo(Instant.parse("2026-11-02T06:00:00Z"));
            assertThat(runs(meters, "monthly-close", "completed")).isEqualTo(1);
            assertThat(executions(repository, MonthlyCloseJobConfiguration.JOB_NAME)).containsExactly(
                    "2026-10 FAILED", "2026-10 COMPLETED");
            assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.ctl")))
                    .contains("row_count=8", "total_EUR=80783.52", "total_USD=236820.46");
        }
    }

    @Test
    void aCatalogWithProblemsIsRefusedBeforeAnythingStarts() throws Exception {
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("close.yaml"), "name: close\ncommand: close\ncron: \"0 0 6 1 * *\"\n");

        CliRun run = CliRun.of(List.of("serve", "--jobs=" + jobs, "--out=" + work.resolve("out")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                compclose: the job catalog has 3 problems:
                  close.yaml: inbox: is required for close, as in inbox/{period}
                  close.yaml: period: is required
                  close.yaml: zone: is required
                """);
        assertThat(work.resolve("out/db")).doesNotExist();
    }

    /** Launches the catalog's close again from inside the running close, as an overlapping trigger would. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class RelaunchDuringTheClose {

        static volatile CatalogLauncher.Outcome outcome;

        @org.springframework.context.annotation.Bean
        org.springframework.batch.core.listener.ItemWriteListener<Object> relaunchingListener(
                org.springframework.beans.factory.ObjectProvider<CatalogLauncher> launcher,
                org.springframework.beans.factory.ObjectProvider<io.compclose.schedule.JobCatalog> catalog) {
            return new org.springframework.batch.core.listener.ItemWriteListener<>() {
                @Override
                public void beforeWrite(org.springframework.batch.infrastructure.item.Chunk<? extends Object> items) {
                    var step = org.springframework.batch.core.scope.context.StepSynchronizationManager.getContext();
                    if (outcome == null && step != null && step.getStepName().equals("loadBookings")) {
                        outcome = launcher.getObject().launch(catalog.getObject().entries().get(0));
                    }
                }
            };
        }
    }

    private static ConfigurableApplicationContext serve(Path jobs, Path out, Class<?>... extra) {
        return serve(jobs, out, List.of(), extra);
    }

    /** {@code serve} on a free port, with the test clock and the test's scheduler. */
    private static ConfigurableApplicationContext serve(Path jobs, Path out, List<String> args, Class<?>... extra) {
        List<Class<?>> configuration = new ArrayList<>(List.of(ManualTaskScheduler.InContext.class));
        configuration.addAll(List.of(extra));
        // the sample inbox's R010 and R999 would stop each close for review (see CloseFixture)
        List<String> line = new ArrayList<>(List.of("serve", "--jobs=" + jobs, "--out=" + out, "--server.port=0",
                "--compclose.review.enabled=false"));
        line.addAll(args);
        return Cli.startServing(Arguments.parse(line.toArray(String[]::new)), jobs, out.toAbsolutePath(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                configuration.toArray(Class<?>[]::new));
    }

    /** The shipped catalog files, with their inbox read from {@code inboxes} instead of ./inbox. */
    private Path shippedCatalog(Path inboxes, String... files) throws Exception {
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        for (String file : files) {
            String yaml = Files.readString(Path.of("jobs/catalog").resolve(file));
            Files.writeString(jobs.resolve(file),
                    yaml.replace("inbox: inbox/{period}", "inbox: " + inboxes + "/{period}"));
        }
        return jobs;
    }

    private static void copySampleInbox(Path target) throws Exception {
        try (Stream<Path> files = Files.walk(CloseFixture.SAMPLE_INBOX)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(CloseFixture.SAMPLE_INBOX.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }

    private static List<String> executions(JobRepository repository, String job) {
        List<String> result = new ArrayList<>();
        for (JobInstance instance : repository.findJobInstances(job).stream()
                .sorted(java.util.Comparator.comparingLong(JobInstance::getInstanceId)).toList()) {
            for (JobExecution execution : repository.getJobExecutions(instance).stream()
                    .sorted(java.util.Comparator.comparingLong(JobExecution::getId)).toList()) {
                String asOf = execution.getJobParameters().getString("as_of");
                result.add(execution.getJobParameters().getString("period") + (asOf == null ? "" : " as of " + asOf)
                        + " " + execution.getStatus());
            }
        }
        return result;
    }

    private static double runs(MeterRegistry meters, String job, String outcome) {
        var counter = meters.find("compclose.schedule.runs").tags("job", job, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext service, String path) throws Exception {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
