package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console over the demo close of October ({@link DemoConsole}): which role sees which page, what the pages
 * show, and the users its first start made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleFunctionalTests {

    private DemoConsole demo;
    private Path out;
    private ConfigurableApplicationContext console;
    private MockMvc mvc;
    private ConsoleUsers users;

    @BeforeAll
    void theDemoConsole() throws Exception {
        demo = DemoConsole.shared();
        out = demo.out;
        console = demo.context;
        mvc = demo.mvc;
        users = demo.users;
    }

    @Test
    void eachRoleSeesItsOwnPagesOnly() throws Exception {
        Map<String, List<Integer>> expected = Map.of( // finance, payroll, rep
                "/periods", List.of(200, 403, 403),
                "/payroll", List.of(200, 200, 403),
                "/me", List.of(403, 403, 200));
        for (var page : expected.entrySet()) {
            List<Integer> statuses = List.of(status(page.getKey(), "finance"), status(page.getKey(), "payroll"),
                    status(page.getKey(), "rep"));
            assertThat(statuses).as(page.getKey()).isEqualTo(page.getValue());
            MvcResult anonymous = mvc.perform(get(page.getKey())).andReturn();
            assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
            assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
        }
        assertThat(mvc.perform(get("/").with(as("rep"))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/me");
        assertThat(mvc.perform(get("/").with(as("finance"))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/periods");
    }

    @Test
    void financeSeesThePeriodWithItsPayoutReviewAndRejects() throws Exception {
        String page = page("/periods", "finance");
        // the demo's payroll file: EUR 80,783.52 (R003, R004) and USD 236,820.46 (six reps); 2 exceptions at
        // the gate (R010, R999); 15 rows rejected or delivered twice (bookings.csv 12, reps.csv 3)
        assertThat(rowText(page, "2026-10")).startsWith("2026-10 closed completed ")
                .contains("EUR 80,783.52 USD 236,820.46 new new 8 2 Fiona Finance on ")
                .endsWith(" 15");
    }

    @Test
    void theReviewShowsWhatTheGateFoundAndWhoApprovedAndACompletedCloseCannotBeApprovedAgain() throws Exception {
        String page = page("/periods/2026-10/review", "finance");
        assertThat(rowText(page, "REP_NOT_ON_ROSTER R010")).isEqualTo("REP_NOT_ON_ROSTER R010 1 booking (bookings.csv "
                + "line 89) rejected: the rep has no accepted row in reps.csv (see the rejects of reps.csv, or add the "
                + "row), so it is not paid");
        assertThat(page.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")).contains(
                "Approved By Fiona Finance on ", " having seen 2 exception(s) : “ R010 and R999 next month ”")
                .doesNotContain("The close is waiting for your approval");

        MvcResult again = mvc.perform(post("/periods/2026-10/approve").param("note", "again").with(as("finance"))
                .with(csrf())).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/periods/2026-10/review");
        assertThat(again.getFlashMap().get("problem"))
                .isEqualTo("the close of 2026-10 is not waiting for approval (its last run is completed)");
        assertThat(mvc.perform(post("/periods/2026-10/approve").with(as("payroll")).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(status("/periods/2026-13/review", "finance")).isEqualTo(404);
        assertThat(status("/periods/latest/review", "finance")).isEqualTo(404);
        assertThat(page("/periods/2026-09/review", "finance")).contains("No close of this period has run yet.");
    }

    @Test
    void rejectedRowsFilterAndDownloadAsTheClosePublishedThem() throws Exception {
        // unfiltered, the download is the close's own rejects file, byte for byte
        byte[] all = mvc.perform(get("/periods/2026-10/rejects.csv").with(as("finance"))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(all).isEqualTo(Files.readAllBytes(out.resolve("rejects/rejects-2026-10.csv")));
        assertThat(page("/periods/2026-10/rejects", "finance")).contains("<p id=\"count\">15 rejected rows</p>");

        // reps.csv: R010's email and R011's plan rejected, one row delivered twice
        String reps = page("/periods/2026-10/rejects?file=reps.csv", "finance");
        assertThat(reps).contains("<p id=\"count\">3 rejected rows</p>");
        assertThat(rowText(reps, "reps.csv 5")).isEqualTo("reps.csv 5 email not an email address jon.snowe-at-example.com");
        // words of the reason, in any file and column: the formula in an amount is shown as the text it is
        String decimals = page("/periods/2026-10/rejects?column=acv&reason=DECIMAL", "finance");
        assertThat(decimals).contains("<p id=\"count\">2 rejected rows</p>");
        assertThat(rowText(decimals, "bookings.csv 97")).isEqualTo("bookings.csv 97 acv not a decimal number (use '.' "
                + "and no thousands separator) =1+1");
        List<String> filtered = Files.readAllLines(out.resolve("rejects/rejects-2026-10.csv")).stream()
                .filter(line -> line.startsWith("reps.csv,")).toList();
        assertThat(mvc.perform(get("/periods/2026-10/rejects.csv?file=reps.csv").with(as("finance"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8).lines().skip(1).toList()).isEqualTo(filtered);
        assertThat(status("/periods/2026-10/rejects", "payroll")).isEqualTo(403);
    }

    @Test
    void payrollSeesAndDownloadsTheFileItsControlFileDescribes() throws Exception {
        Path file = out.resolve("payroll/payroll-2026-10.csv");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        String page = page("/payroll", "payroll");
        assertThat(page).contains("payroll-2026-10.csv", "payroll-2026-10.ctl", "EUR 80783.52", "USD 236820.46",
                sha256);

        byte[] downloaded = mvc.perform(get("/payroll/files/payroll-2026-10.csv").with(as("payroll"))).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(Files.readAllBytes(file));
        assertThat(new JdbcTemplate(console.getBean(javax.sql.DataSource.class)).queryForList(
                "SELECT actor || ' ' || action || ' ' || pay_period || ' ' || detail FROM audit_event "
                        + "WHERE action = 'download'", String.class))
                .contains("payroll download 2026-10 downloaded payroll-2026-10.csv from the console");
        // only the files a close writes: not the database beside them, nor another name
        assertThat(status("/payroll/files/payroll-2026-10.csv.bak", "payroll")).isEqualTo(404);
        assertThat(status("/payroll/files/..%2Fdb%2Fcompclose.mv.db", "payroll")).isIn(400, 404);
    }

    @Test
    void aRepSeesTheirOwnStatementsAndTheirPdf() throws Exception {
        // the demo rep user is R001, paid USD 58,081.95 in October
        assertThat(rowText(page("/me", "rep"), "2026-10")).startsWith("2026-10 1 USD 58,081.95 ");
        Path pdf = out.resolve("statements/2026-10/R001.pdf");
        MvcResult statement = mvc.perform(get("/me/statements/2026-10/1").with(as("rep"))).andReturn();
        assertThat(statement.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(statement.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(pdf));
        assertThat(status("/me/statements/2026-10/2", "rep")).isEqualTo(404);
    }

    @Test
    void theLinkOnAStatementLeadsARepToTheirOwnAndRefusesAnotherRepsRecordingTheAttempt() throws Exception {
        assertThat(mvc.perform(get("/statements/2026-10/R001").with(as("rep"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/me");
        assertThat(status("/statements/2026-10/R002", "rep")).isEqualTo(403);
        assertThat(new JdbcTemplate(console.getBean(javax.sql.DataSource.class)).queryForList(
                "SELECT actor || ' ' || action || ' ' || pay_period || ' ' || detail FROM audit_event "
                        + "WHERE action = 'refused'", String.class))
                .contains("rep refused 2026-10 asked for the statement of rep R002, signed in as rep R001");
        assertThat(mvc.perform(get("/statements/2026-10/R002").with(as("finance"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/periods/2026-10/review");
    }

    @Test
    void theFirstStartMadeOneUserPerRoleKeepingOnlyHashesBesideAnOwnerOnlyPasswordsFile() throws Exception {
        Path folder = out.resolve("console");
        List<String> passwords = Files.readAllLines(folder.resolve(ConsoleUsers.PASSWORDS_FILE)).stream()
                .filter(line -> !line.startsWith("#")).toList();
        assertThat(passwords).hasSize(4);
        assertThat(passwords.get(1)).startsWith("controller ");
        assertThat(passwords.get(3)).startsWith("rep ").endsWith(" (rep R001)");
        String table = Files.readString(folder.resolve("users.csv"));
        PasswordEncoder encoder = console.getBean(PasswordEncoder.class);
        for (String line : passwords) {
            String[] fields = line.split(" ");
            assertThat(table).doesNotContain(fields[1]);
            assertThat(encoder.matches(fields[1], users.loadUserByUsername(fields[0]).getPassword())).isTrue();
        }
        for (String file : List.of("users.csv", ConsoleUsers.PASSWORDS_FILE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void signingInChecksThePasswordAndSigningOutNeedsTheCsrfToken() throws Exception {
        String password = Files.readAllLines(out.resolve("console").resolve(ConsoleUsers.PASSWORDS_FILE)).stream()
                .filter(line -> line.startsWith("payroll ")).findFirst().orElseThrow().split(" ")[1];
        MvcResult signedIn = mvc.perform(post("/login").param("username", "payroll").param("password", password)
                .with(csrf())).andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        MvcResult wrong = mvc.perform(post("/login").param("username", "payroll").param("password", password + "x")
                .with(csrf())).andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(post("/login").param("username", "payroll").param("password", password)).andReturn()
                .getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
        assertThat(mvc.perform(post("/logout").with(as("finance"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/logout").with(as("finance")).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login?signed-out");
    }

    private int status(String path, String username) throws Exception {
        return demo.status(path, username);
    }

    private String page(String path, String username) throws Exception {
        return demo.page(path, username);
    }

    private RequestPostProcessor as(String username) {
        return demo.as(username);
    }

    private static String rowText(String page, String firstCell) {
        return DemoConsole.rowText(page, firstCell);
    }
}
