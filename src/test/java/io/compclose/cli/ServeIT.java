package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import io.compclose.support.CloseProcess;
import io.compclose.support.Poll;
import io.compclose.support.TestDatabases;

/**
 * {@code serve} and {@code serve --worker} as systemd runs them: the packaged jar as its own process, on a free
 * port. Each starts, shows that it does its work (the catalog on the schedule in {@code /actuator/health}; the
 * worker consuming its RabbitMQ queue), and ends cleanly on SIGTERM with 143, the JVM's code for it, which the
 * shipped units take as success (SuccessExitStatus=143). A start that fails is exit 5 and one line.
 */
class ServeIT {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Path JAR = Path.of(System.getProperty("compclose.jar", "target/compclose.jar"))
            .toAbsolutePath();
    private static final Pattern HEALTH_URL = Pattern.compile("Health and metrics: (http://127\\.0\\.0\\.1:\\d+)/actuator/health");
    /** The JVM's exit code on SIGTERM once its shutdown hooks (Spring closing the service) have run: 128 + 15. */
    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path work;

    @Test
    void serveStartsShowsTheCatalogOnTheScheduleInItsHealthAndStopsCleanlyOnSigterm() throws Exception {
        // given the shipped catalog, and a free port chosen by the system
        Path out = work.resolve("out");
        CloseProcess serve = CloseProcess.start(JAR, null, null, List.of("serve",
                "--jobs=" + Path.of("jobs/catalog").toAbsolutePath(), "--out=" + out, "--server.port=0"),
                work.resolve("logs"), "serve");

        // when it has started
        Poll.until("serve to be up", DEADLINE, () -> HEALTH_URL.matcher(serve.out()).find() || !serve.alive());
        Matcher url = HEALTH_URL.matcher(serve.out());
        assertThat(url.find()).as(serve.report()).isTrue();

        // then its health is UP, and shows each job of the catalog on the schedule with its next run
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url.group(1) + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).endsWith(",\"status\":\"UP\"}")
                .containsPattern("\"catalog\":\\{\"details\":\\{"
                        + "\"daily-usage-intake\":\"usage-intake \\(current-month\\), cron '0 30 5 \\* \\* \\*' UTC, "
                        + "next at \\d{4}-\\d\\d-\\d\\dT05:30\","
                        + "\"monthly-close\":\"close \\(previous-month\\), cron '0 0 6 1-10 \\* \\*' UTC, "
                        + "next at \\d{4}-\\d\\d-(0\\d|10)T06:00\","
                        + "\"statement-resend\":\"resend \\(previous-month\\), cron '0 0 7 2-15 \\* \\*' UTC, "
                        + "next at \\d{4}-\\d\\d-\\d\\dT07:00\"\\},\"status\":\"UP\"\\}");
        assertThat(serve.out()).contains("Serving 3 scheduled jobs from ");

        // when systemd stops it
        int exit = serve.terminate(DEADLINE);

        // then it ended as a clean stop, with nothing on stderr and no error in its log
        assertThat(exit).as(serve.report()).isEqualTo(SIGTERM_EXIT);
        assertThat(serve.err()).isEmpty();
        assertThat(serve.out()).doesNotContain(" ERROR ").doesNotContain(" WARN ");
        assertThat(Files.readString(out.resolve("logs/compclose.log"))).doesNotContain(" ERROR ")
                .contains("Shutdown completed");
        // and it left the embedded database closed and unlocked: the next command opens it
        CloseProcess status = CloseProcess.start(JAR, null, null, List.of("status", "--out=" + out),
                work.resolve("logs"), "status");
        assertThat(status.awaitExit(DEADLINE)).as(status.report()).isZero();
        assertThat(status.err()).isEmpty();
    }

    @Test
    void aWorkerStartsConsumesItsQueueAndStopsCleanlyOnSigterm() throws Exception {
        // given the closes' MariaDB database and a queue of this test's own
        String queue = "compclose.partitions.serve-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        String database = TestDatabases.freshMariaDb("compclose_serve_worker");
        CachingConnectionFactory rabbit = new CachingConnectionFactory("127.0.0.1", 5672);
        RabbitAdmin admin = new RabbitAdmin(rabbit);
        try {
            Path out = work.resolve("worker");
            CloseProcess worker = CloseProcess.start(JAR, null, null, List.of("serve", "--worker", "--out=" + out,
                    "--spring.datasource.url=" + database, "--compclose.partition.queue=" + queue),
                    work.resolve("logs"), "worker");

            // when it has started
            Poll.until("the worker to be ready", DEADLINE, () -> worker.out().contains("Worker ready") || !worker.alive());

            // then it says so, and RabbitMQ counts it as the queue's consumer (as its management page shows)
            assertThat(worker.out()).as(worker.report()).contains("Worker ready: taking rep ranges of "
                    + "calculateEarnings and renderStatements from queue '" + queue + "' on RabbitMQ at localhost:5672");
            Poll.until("the worker to consume its queue", DEADLINE, () -> consumers(admin, queue) > 0);

            // when systemd stops it
            int exit = worker.terminate(DEADLINE);

            // then it ended as a clean stop, with no consumer left on the queue and no error in its log
            assertThat(exit).as(worker.report()).isEqualTo(SIGTERM_EXIT);
            assertThat(worker.err()).isEmpty();
            assertThat(consumers(admin, queue)).isZero();
            assertThat(Files.readString(out.resolve("logs/compclose.log"))).doesNotContain(" ERROR ");
        } finally {
            admin.deleteQueue(queue);
            rabbit.destroy();
        }
    }

    @Test
    void aServiceThatCannotStartEndsWithExitCode5AndOneLine() {
        // given a setting that does not bind
        Path out = work.resolve("out");
        for (List<String> command : List.of(List.of("serve", "--server.port=0"), List.of("status"))) {
            // when serve (whose console carries its log) or any other command starts with it
            CloseProcess run = CloseProcess.start(JAR, null, null, concat(command, "--out=" + out,
                    "--compclose.serve.shutdown-wait=banana", "--compclose.chunk-size=many"), work.resolve("logs"),
                    command.get(0));
            int exit = run.awaitExit(DEADLINE);

            // then it is exit code 5 with one line naming the setting: no banner, failure report or stack
            assertThat(exit).as(run.report()).isEqualTo(ExitCode.NOT_STARTED);
            assertThat(run.err().lines().toList()).as(run.report()).hasSize(1).first().asString()
                    .startsWith("compclose: could not start, nothing was run: the setting ")
                    .contains(" is not valid (")
                    .endsWith("(details: " + out.toAbsolutePath() + "/logs/compclose.log)");
            assertThat(run.out()).as(run.report()).isEmpty();
            assertThat(run.report()).doesNotContain("***").doesNotContain("APPLICATION FAILED TO START")
                    .doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static int consumers(RabbitAdmin admin, String queue) {
        var info = admin.getQueueInfo(queue);
        return info == null ? 0 : info.getConsumerCount();
    }
}
