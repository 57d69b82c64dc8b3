package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.compclose.audit.AuditLogRepository;
import io.compclose.cli.ExitCode;
import io.compclose.cli.InProcessServe;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.Poll;
import io.compclose.support.TestDatabases;

/**
 * A close run from the browser, on MariaDB shared with the command line: started from the inbox layout (here the
 * catalog's monthly close, reading the sample inboxes), followed live, failed and continued, and holding the same
 * lease as the close command, both ways round.
 */
class ConsoleCloseFunctionalTests {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String[] SMALL_CHUNKS = {"--compclose.chunk-size=7", "--compclose.intake-chunk-size=7",
            "--compclose.review.enabled=false", "--compclose.progress=false"};

    @TempDir
    Path work;

    private ConfigurableApplicationContext console;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aCloseFromTheBrowserHoldsTheCommandLinesLeaseFollowsItsStepsLiveAndContinuesAfterAFailure() throws Exception {
        // given the console served on MariaDB, its catalog's monthly close reading the sample inboxes
        String url = TestDatabases.freshMariaDb("compclose_console_close");
        Path out = work.resolve("out");
        console = InProcessServe.start(out, catalog(), DemoConsole.quiet(), new Class<?>[] {FaultInjection.class},
                concat(SMALL_CHUNKS, "--spring.datasource.url=" + url));
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) console).apply(springSecurity())
                .build();
        ConsoleUsers users = console.getBean(ConsoleUsers.class);
        var finance = user(users.loadUserByUsername("finance"));
        JdbcTemplate jdbc = new JdbcTemplate(console.getBean(javax.sql.DataSource.class));
        List<String> cliClose = List.of(concat(new String[] {"close", "--out=" + out, "--spring.datasource.url=" + url},
                SMALL_CHUNKS));

        // the start page names the folder the layout resolves to, and offers no start where there is none
        String startPage = page(mvc.perform(get("/periods/2026-10/start").with(finance)).andReturn());
        assertThat(DemoConsole.text(startPage)).contains("It reads the inbox folder " + CloseFixture.SAMPLE_INBOX)
                .contains("the scheduled job monthly-close");
        assertThat(startPage).contains("id=\"start\"");
        String noInbox = DemoConsole.text(page(mvc.perform(get("/periods/2027-03/start").with(finance)).andReturn()));
        assertThat(noInbox).contains("That folder does not exist");
        assertThat(mvc.perform(post("/periods/2027-03/start").with(finance).with(csrf())).andReturn().getFlashMap()
                .get("problems")).isEqualTo(List.of("The inbox folder " + CloseFixture.SAMPLE_INBOX.resolveSibling(
                        "2027-03") + " does not exist: nothing was started. Put the month's files there first."));

        // when the command line closes October and is held in creditBookings
        CountDownLatch cliPaused = new CountDownLatch(1);
        FaultInjection.arm("creditBookings", 1, () -> {
            cliPaused.countDown();
            release.await(3, TimeUnit.MINUTES);
        });
        CompletableFuture<CliRun> cli = CompletableFuture.supplyAsync(() -> CliRun.of(concat(cliClose,
                "--period=2026-10", "--inbox=" + CloseFixture.SAMPLE_INBOX), FaultInjection.class));
        assertThat(cliPaused.await(3, TimeUnit.MINUTES)).isTrue();

        // then the console's start is refused in the close command's words, and starts nothing
        MvcResult refused = mvc.perform(post("/periods/2026-10/start").with(finance).with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/periods/2026-10/start");
        assertThat(String.join("\n", (List<String>) refused.getFlashMap().get("problems")))
                .containsPattern("^compclose: a close of 2026-10 is already running on host \\S+ \\(pid \\d+\\) since ")
                .contains("Wait for it to finish.");
        // and the close page follows the command line's close, reloading itself
        String running = page(mvc.perform(get("/periods/2026-10/close").with(finance)).andReturn());
        assertThat(running).contains("http-equiv=\"refresh\"").contains("data-state=\"running\"");

        release.countDown();
        assertThat(cli.get(3, TimeUnit.MINUTES).exitCode()).isEqualTo(ExitCode.OK);

        // when the console starts November and it fails in creditBookings
        FaultInjection.arm("creditBookings", 1);
        MvcResult started = mvc.perform(post("/periods/2026-11/start").with(finance).with(csrf())).andReturn();
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo("/periods/2026-11/close");

        // then the page ends on the failure, the command line's words for it, and a Continue button
        String failed = until(mvc, finance, "2026-11", "failed");
        assertThat(failed).doesNotContain("http-equiv=\"refresh\"").contains("id=\"continue\"");
        assertThat(DemoConsole.text(failed)).contains("compclose: the close of 2026-11 failed in step creditBookings: "
                + "injected fault: the machine died here")
                .contains("Nothing was paid twice. Fix the cause and run the same command again to restart from that "
                        + "step.");

        // when it is continued from the page and held in creditBookings after its first chunk
        CountDownLatch consolePaused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        FaultInjection.arm("creditBookings", 2, () -> {
            consolePaused.countDown();
            resume.await(3, TimeUnit.MINUTES);
        });
        mvc.perform(post("/periods/2026-11/continue").with(finance).with(csrf())).andReturn();
        assertThat(consolePaused.await(3, TimeUnit.MINUTES)).isTrue();
        try {
            // then a close of November from the command line is refused: the console holds the lease
            CliRun second = CliRun.of(concat(cliClose, "--period=2026-11",
                    "--inbox=" + CloseFixture.SAMPLE_INBOX.resolveSibling("2026-11")));
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.BUSY);
            assertThat(second.err()).containsPattern("^compclose: a close of 2026-11 is already running on host ");

            // and the page shows the steps live: rows from the job repository, rate as the command line prints it
            String live = page(mvc.perform(get("/periods/2026-11/close").with(finance)).andReturn());
            assertThat(live).contains("data-state=\"running\"");
            assertThat(DemoConsole.rowText(live, "creditBookings"))
                    .matches("creditBookings started 7 7 0 [\\d.,]+ bookings/s( about \\d+ s left)?");
            assertThat(DemoConsole.rowText(live, "loadBookings")).matches("loadBookings completed \\d+ \\d+ \\d+ .*");
        } finally {
            resume.countDown();
        }

        // and it completes, the page ending there; the audit trail names the signed-in user as who ran it
        String completed = until(mvc, finance, "2026-11", "completed");
        assertThat(completed).doesNotContain("http-equiv=\"refresh\"").doesNotContain("id=\"continue\"");
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE pay_period = '2026-11' AND action = ? "
                + "ORDER BY id", String.class, "close"))
                .containsExactly("finance", "finance");
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE pay_period = '2026-10' AND action = ?",
                String.class, "close")).containsExactly(AuditLogRepository.osUser());
    }

    /** The close page once the close is in the state given, polled as the page reloads itself. */
    private static String until(MockMvc mvc, org.springframework.test.web.servlet.request.RequestPostProcessor as,
            String period, String state) throws Exception {
        String[] page = {""};
        Poll.until("the close of " + period + " " + state, DEADLINE, () -> {
            try {
                page[0] = page(mvc.perform(get("/periods/" + period + "/close").with(as)).andReturn());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return page[0].contains("data-state=\"" + state + "\"");
        });
        return page[0];
    }

    private static String page(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The repository's catalog with the monthly close's inbox set to the sample inboxes. */
    private Path catalog() throws Exception {
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        String monthly = Files.readString(Path.of("jobs/catalog/monthly-close.yaml")).replaceAll("(?m)^inbox: .*$",
                "inbox: " + CloseFixture.SAMPLE_INBOX.getParent() + "/{period}");
        Files.writeString(jobs.resolve("monthly-close.yaml"), monthly);
        return jobs;
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    private static List<String> concat(List<String> first, String... more) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
    }
}
