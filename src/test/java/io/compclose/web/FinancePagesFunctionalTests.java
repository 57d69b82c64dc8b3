package io.compclose.web;

import static io.compclose.web.DemoConsole.rowText;
import static io.compclose.web.DemoConsole.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.MvcResult;

import io.compclose.audit.AuditLogRepository;

/**
 * Finance's pages over the shared demo close of October ({@link DemoConsole}), read only: the reconciliation chain,
 * the statements with their sends and PDFs, the audit trail, and who may see them. What changes a close (resend,
 * lock, a break) is in {@link FinanceDecisionsFunctionalTests}, on a console of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinancePagesFunctionalTests {

    private DemoConsole demo;

    @BeforeAll
    void theDemoConsole() throws Exception {
        demo = DemoConsole.shared();
    }

    @Test
    void theReconciliationShowsTheChainInFlowOrderEveryTieHolding() throws Exception {
        String page = demo.page("/periods/2026-10/reconciliation", "finance");
        // bookings.csv: 100 rows read = 88 accepted + 12 rejected; the USD ACV read, 4,098,930.07, is the
        // 4,079,230.07 booked plus 19,700.00 rejected; then the payroll file's EUR 80,783.52 and USD 236,820.46
        // all the way from the earning lines to the statements
        assertThat(text(page)).contains("Every tie holds: 16 ties, each to the cent.");
        List<String> ties = List.of(page.split("<tr")).stream().skip(2)
                .map(row -> text("<tr" + row.split("</tr>")[0])).toList();
        assertThat(ties).containsExactly(
                "Source Rows read from bookings.csv = accepted + rejected + re-delivered rows 100 100 0 ties",
                "Source Bookings ACV read from bookings.csv = accepted + rejected + re-delivered EUR 1,520,632.96 "
                        + "1,520,632.96 0.00 ties",
                "Source Bookings ACV read from bookings.csv = accepted + rejected + re-delivered USD 4,098,930.07 "
                        + "4,098,930.07 0.00 ties",
                "Source Rows read from reps.csv = accepted + rejected + re-delivered rows 14 14 0 ties",
                "Credit ACV booked (period) = ACV credited + ACV no rule credited, booking currency EUR 1,330,241.96 "
                        + "1,330,241.96 0.00 ties",
                "Credit ACV booked (period) = ACV credited + ACV no rule credited, booking currency USD 4,079,230.07 "
                        + "4,079,230.07 0.00 ties",
                "Earnings Commission earned, earning lines (year to date) = the reps' ledgers, earned to date EUR "
                        + "80,783.52 80,783.52 0.00 ties",
                "Earnings Commission earned, earning lines (year to date) = the reps' ledgers, earned to date USD "
                        + "236,820.46 236,820.46 0.00 ties",
                "Pay Pay lines (period) = the reps' ledgers, payout EUR 80,783.52 80,783.52 0.00 ties",
                "Pay Pay lines (period) = the reps' ledgers, payout USD 236,820.46 236,820.46 0.00 ties",
                "Pay Pay lines (period) = payouts by rep and earning code EUR 80,783.52 80,783.52 0.00 ties",
                "Pay Pay lines (period) = payouts by rep and earning code USD 236,820.46 236,820.46 0.00 ties",
                "Payroll file Payouts (period) = the payroll file as written EUR 80,783.52 80,783.52 0.00 ties",
                "Payroll file Payouts (period) = the payroll file as written USD 236,820.46 236,820.46 0.00 ties",
                "Statements The payroll file = the statements as rendered EUR 80,783.52 80,783.52 0.00 ties",
                "Statements The payroll file = the statements as rendered USD 236,820.46 236,820.46 0.00 ties");
        assertThat(page).doesNotContain("class=\"break\"");

        assertThat(demo.page("/periods/2026-09/reconciliation", "finance")).contains("No close of this period has run yet.");
        assertThat(demo.status("/periods/2026-13/reconciliation", "finance")).isEqualTo(404);
    }

    @Test
    void theStatementsListEachVersionWithItsSendsAndItsPdf() throws Exception {
        String page = demo.page("/periods/2026-10/statements", "finance");
        // R001 was paid USD 58,081.95; the close sent it once, through the outbox, to the roster's address
        assertThat(rowText(page, "R001")).isEqualTo("R001 1 USD 58,081.95 1970-01-01 00:00 View send 1: SENT, "
                + "1970-01-01 00:00, to ana.alvarez@example.com (OUTBOX), 1 attempt Resend");
        assertThat(rowText(page, "R003")).startsWith("R003 1 EUR 42,814.24 ");
        assertThat(page).contains("href=\"/periods/2026-10/statements/R001/1.pdf\"",
                "href=\"/periods/2026-10/statements/R001/resend\"");

        MvcResult pdf = demo.mvc.perform(get("/periods/2026-10/statements/R001/1.pdf").with(demo.as("finance")))
                .andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
        assertThat(pdf.getResponse().getContentAsByteArray())
                .isEqualTo(Files.readAllBytes(demo.out.resolve("statements/2026-10/R001.pdf")));
        assertThat(demo.status("/periods/2026-10/statements/R001/2.pdf", "finance")).isEqualTo(404);
        assertThat(demo.status("/periods/2026-10/statements/R001/one.pdf", "finance")).isEqualTo(404);
        assertThat(demo.status("/periods/2026-10/statements/R999/1.pdf", "finance")).isEqualTo(404);

        assertThat(demo.page("/periods/2026-09/statements", "finance")).contains("No close of this period has run yet.");
        assertThat(demo.status("/periods/2026-13/statements", "finance")).isEqualTo(404);
    }

    @Test
    void aResendAsksFirstNamingRepPeriodAndAddressAndAnUnknownRepHasNone() throws Exception {
        String ask = text(demo.page("/periods/2026-10/statements/R001/resend", "finance"));
        assertThat(ask).contains("Send the statement of R001 for 2026-10 to ana.alvarez@example.com again?",
                "It goes to Ana Alvarez's address on the latest roster");
        // R999 was rejected at intake: it has no statement to send
        assertThat(demo.status("/periods/2026-10/statements/R999/resend", "finance")).isEqualTo(404);
        assertThat(demo.mvc.perform(post("/periods/2026-10/statements/R999/resend").param("confirm", "yes")
                .with(demo.as("finance")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(demo.status("/periods/2026-09/statements/R001/resend", "finance")).isEqualTo(404);
    }

    @Test
    void theAuditTrailFiltersByPeriodPersonAndActionNewestFirst() throws Exception {
        String all = demo.page("/audit", "finance");
        assertThat(all).contains("<option value=\"Fiona Finance\">Fiona Finance</option>",
                "<option value=\"approve\">approve</option>", "<option value=\"2026-10\">2026-10</option>");

        String fiona = auditPage("", "Fiona Finance", "");
        assertThat(fiona).contains("<p id=\"count\">1 event, newest first</p>",
                "<option value=\"Fiona Finance\" selected=\"selected\">Fiona Finance</option>");
        assertThat(rowText(fiona, "1970-01-01 00:00:00")).isEqualTo("1970-01-01 00:00:00 Fiona Finance approve 2026-10 "
                + "revision 1, execution 1, 2 exceptions: R010 and R999 next month");

        // the two close runs of the demo, by the operating-system user that ran them: the later one first
        String closes = text(auditPage("2026-10", AuditLogRepository.osUser(), "close"));
        int completed = closes.indexOf("continued after review of execution 1, execution 2: completed");
        int stopped = closes.indexOf("execution 1: stopped for review");
        assertThat(completed).isPositive().isLessThan(stopped);
        assertThat(closes).doesNotContain("Fiona Finance approve");

        assertThat(demo.page("/audit?action=approve&period=2026-09", "finance")).contains("<p class=\"empty\">None.</p>");
    }

    /** The audit trail filtered; a name with a space is sent as a browser sends it. */
    private String auditPage(String period, String person, String action) throws Exception {
        MvcResult result = demo.mvc.perform(get("/audit").param("period", period).param("person", person)
                .param("action", action).with(demo.as("finance"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void onlyFinanceSeesThesePagesAndEveryPostNeedsTheCsrfToken() throws Exception {
        for (String path : List.of("/periods/2026-10/reconciliation", "/periods/2026-10/statements",
                "/periods/2026-10/statements/R001/1.pdf", "/periods/2026-10/statements/R001/resend",
                "/periods/2026-10/lock", "/audit", "/audit?period=2026-10")) {
            assertThat(List.of(demo.status(path, "finance"), demo.status(path, "payroll"), demo.status(path, "rep")))
                    .as(path).containsExactly(200, 403, 403);
        }
        for (String path : List.of("/periods/2026-10/statements/R001/resend", "/periods/2026-10/lock")) {
            for (String who : List.of("payroll", "rep")) {
                assertThat(demo.mvc.perform(post(path).param("confirm", "yes").with(demo.as(who)).with(csrf()))
                        .andReturn().getResponse().getStatus()).as(who + " " + path).isEqualTo(403);
            }
            assertThat(demo.mvc.perform(post(path).param("confirm", "yes").with(demo.as("finance"))).andReturn()
                    .getResponse().getStatus()).as("no CSRF token: " + path).isEqualTo(403);
        }
        assertThat(demo.jdbc().queryForObject("SELECT COUNT(*) FROM delivery_log WHERE pay_period = '2026-10' "
                + "AND rep_id = 'R001'", Integer.class)).as("nothing resent").isEqualTo(1);
        assertThat(demo.jdbc().queryForObject("SELECT locked_by FROM close_period WHERE pay_period = '2026-10'",
                String.class)).as("nothing locked").isNull();
        // finance finds the pages from the period's review and the menu
        assertThat(demo.page("/periods/2026-10/review", "finance")).contains(
                "href=\"/periods/2026-10/reconciliation\"", "href=\"/periods/2026-10/statements\"",
                "href=\"/periods/2026-10/lock\"", "href=\"/audit\"");
        assertThat(demo.page("/payroll", "payroll")).doesNotContain("href=\"/audit\"");
    }
}
