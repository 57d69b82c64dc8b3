package io.compclose.web;

import static io.compclose.web.DemoConsole.rowText;
import static io.compclose.web.DemoConsole.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.MvcResult;

import io.compclose.audit.AuditLogRepository;

/**
 * What finance does from the console to a close, on a demo console of its own (the shared one stays as the demo
 * left it): a resend and a lock, each asked first and done by the command line's own object in the signed-in
 * user's name; a broken tie as the reconciliation page shows it; the audit trail a page at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceDecisionsFunctionalTests {

    private DemoConsole demo;

    @BeforeAll
    void aConsoleOfItsOwn() throws Exception {
        demo = DemoConsole.own();
    }

    @Test
    void aConfirmedResendSendsTheStatementOnceMoreInTheUsersName() throws Exception {
        // given the close's one email to R001
        assertThat(r001Emails()).containsExactly("R001.eml");

        // when finance posts without confirming, nothing is sent: the question is asked
        MvcResult unconfirmed = demo.mvc.perform(post("/periods/2026-10/statements/R001/resend")
                .with(demo.as("finance")).with(csrf())).andReturn();
        assertThat(unconfirmed.getResponse().getRedirectedUrl()).isEqualTo("/periods/2026-10/statements/R001/resend");
        assertThat(r001Emails()).containsExactly("R001.eml");
        assertThat(resends()).isEmpty();

        // when finance confirms
        MvcResult confirmed = demo.mvc.perform(post("/periods/2026-10/statements/R001/resend").param("confirm", "yes")
                .with(demo.as("finance")).with(csrf())).andReturn();

        // then exactly one more email, as send 2 of version 1, in finance's name in the log and the trail
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/periods/2026-10/statements");
        assertThat(confirmed.getFlashMap().get("notice"))
                .isEqualTo("Sent statement 2026-10 of R001 (version 1, send 2) to ana.alvarez@example.com");
        assertThat(r001Emails()).containsExactly("R001.eml", "R001.resend-2.eml");
        assertThat(resends()).containsExactly(
                "finance resend 2026-10 statement of R001 (version 1, send 2) to ana.alvarez@example.com: sent");
        assertThat(demo.jdbc().queryForList("SELECT send_no || ' ' || outcome || ' ' || requested_by FROM delivery_log "
                + "WHERE pay_period = '2026-10' AND rep_id = 'R001' AND send_no > 1", String.class))
                .containsExactly("2 SENT finance");
        assertThat(rowText(demo.page("/periods/2026-10/statements", "finance"), "R001")).contains(
                "send 1: SENT, 1970-01-01 00:00, to ana.alvarez@example.com (OUTBOX), 1 attempt send 2: SENT, "
                        + "1970-01-01 00:00, to ana.alvarez@example.com (OUTBOX), 1 attempt, asked by finance");
    }

    @Test
    void aClosedPeriodLocksAfterTheQuestionAndAnUnfinishedOneIsRefusedWithTheCommandsReason() throws Exception {
        // November has no completed close: refused, as lock refuses it on the command line
        MvcResult november = lock("2026-11", "too early");
        assertThat(november.getResponse().getRedirectedUrl()).isEqualTo("/periods");
        assertThat(november.getFlashMap().get("problem"))
                .isEqualTo("2026-11 has no completed close to lock; run its close first");
        assertThat(demo.jdbc().queryForObject("SELECT COUNT(*) FROM close_period WHERE pay_period = '2026-11'",
                Integer.class)).isZero();

        // without confirming, October stays closed
        String ask = text(demo.page("/periods/2026-10/lock", "finance"));
        assertThat(ask).contains("Lock 2026-10? Its figures never change again");
        MvcResult unconfirmed = demo.mvc.perform(post("/periods/2026-10/lock").param("note", "payroll imported")
                .with(demo.as("finance")).with(csrf())).andReturn();
        assertThat(unconfirmed.getResponse().getRedirectedUrl()).isEqualTo("/periods/2026-10/lock");
        assertThat(rowText(demo.page("/periods", "finance"), "2026-10")).startsWith("2026-10 closed ");

        MvcResult october = lock("2026-10", "payroll imported");
        assertThat((String) october.getFlashMap().get("notice")).startsWith("Locked 2026-10 (revision 1, closed ")
                .contains("by finance. Its figures never change again: late inputs and corrections for 2026-10 go "
                        + "in the inbox of 2026-11.");
        String periods = demo.page("/periods", "finance");
        assertThat(rowText(periods, "2026-10")).startsWith("2026-10 locked completed ");
        assertThat(demo.jdbc().queryForList("SELECT actor || ' ' || action || ' ' || detail FROM audit_event "
                + "WHERE action = 'lock'", String.class)).containsExactly("finance lock revision 1: payroll imported");
    }

    @Test
    void aTieThatDoesNotHoldIsMarkedAsABreakWithItsDifference() throws Exception {
        // given the statements' USD total recorded a cent short of the payroll file's 236,820.46
        assertThat(demo.jdbc().update("UPDATE control_total SET amount = amount - 0.01 WHERE pay_period = '2026-10' "
                + "AND stage = 'statements' AND currency = 'USD'")).isOne();

        String page = demo.page("/periods/2026-10/reconciliation", "finance");

        assertThat(text(page)).contains("1 break in 16 ties: the figures marked break do not tie.");
        assertThat(rowText(page, "Statements The payroll file = the statements as rendered USD")).isEqualTo(
                "Statements The payroll file = the statements as rendered USD 236,820.46 236,820.45 0.01 break");
        assertThat(page).containsOnlyOnce("<tr class=\"break\">");
        assertThat(rowText(page, "Statements The payroll file = the statements as rendered EUR")).endsWith(" 0.00 ties");
    }

    @Test
    void theAuditTrailShowsAHundredEventsAPageNewestFirstAsText() throws Exception {
        // given 105 downloads in January, the last with markup in its detail
        AuditLogRepository audit = demo.context.getBean(AuditLogRepository.class);
        for (int i = 1; i <= 105; i++) {
            audit.record("pat", AuditLogRepository.Action.DOWNLOAD, "2026-01",
                    i == 105 ? "<script>alert('x')</script>" : "download " + i);
        }

        String first = demo.page("/audit?period=2026-01&person=pat", "finance");
        String second = demo.page("/audit?period=2026-01&person=pat&page=2", "finance");

        assertThat(first).contains("<p id=\"count\">105 events, newest first, page 1 of 2</p>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(rows(first)).hasSize(100);
        assertThat(rows(first).get(1)).endsWith(" pat download 2026-01 download 104");
        assertThat(rows(second)).hasSize(5);
        assertThat(rows(second).get(4)).endsWith(" pat download 2026-01 download 1");
        assertThat(second).contains("href=\"/audit?period=2026-01&amp;person=pat&amp;page=1\"");
    }

    private MvcResult lock(String period, String note) throws Exception {
        return demo.mvc.perform(post("/periods/" + period + "/lock").param("note", note).param("confirm", "yes")
                .with(demo.as("finance")).with(csrf())).andReturn();
    }

    private List<String> r001Emails() throws IOException {
        try (Stream<Path> files = Files.list(demo.out.resolve("outbox/2026-10"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("R001.")).sorted().toList();
        }
    }

    private List<String> resends() {
        return demo.jdbc().queryForList("SELECT actor || ' ' || action || ' ' || pay_period || ' ' || detail "
                + "FROM audit_event WHERE action = 'resend'", String.class);
    }

    /** The text of each row of the events table. */
    private static List<String> rows(String page) {
        return List.of(page.split("<tr")).stream().skip(2).map(row -> text("<tr" + row.split("</tr>")[0])).toList();
    }
}
