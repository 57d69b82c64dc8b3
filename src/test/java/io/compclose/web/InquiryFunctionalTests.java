package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.compclose.cli.InProcessServe;
import io.compclose.inquiry.InquiryMail;
import io.compclose.inquiry.InquiryRepository;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.Pdfs;
import io.compclose.support.SummaryCsv;
import io.compclose.support.TestDatabases;

/**
 * A rep's inquiry from question to payment: R001 asks about a line of the demo's October statement, finance
 * answers and proposes an adjustment of USD 250.00 that a second finance user, signed in, approves, and the close of
 * November, interrupted and restarted on a re-delivered adjustments.csv, pays it once, on R001's statement.
 */
class InquiryFunctionalTests {

    private static final Path INBOX = Path.of("jobs/samples/inbox").toAbsolutePath();

    @TempDir
    Path work;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void anInquiryResolvedWithAnAdjustmentIsPaidOnceByTheNextOpenPeriod(String database) throws Exception {
        // given the demo's October closed (gate, approval, completed) and a console with two finance users
        Path out = work.resolve("out");
        String url = TestDatabases.of(database, out, "compclose_inquiry");
        // the embedded database is the default under --out
        List<String> onDatabase = url.startsWith("jdbc:h2:") ? List.of() : List.of("--spring.datasource.url=" + url);
        CliRun gate = CliRun.close("2026-10", INBOX.resolve("2026-10"), out, url);
        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(3);
        assertThat(CliRun.of(Stream.concat(Stream.of("approve", "--period=2026-10", "--by=Fiona Finance",
                "--out=" + out), onDatabase.stream()).toList()).exitCode()).isZero();
        assertThat(CliRun.close("2026-10", INBOX.resolve("2026-10"), out, url).exitCode()).isZero();
        writeUsers(out.resolve("console/users.csv"));
        // a failed email is retried after 10 ms, not after the default 2 s
        ConfigurableApplicationContext context = InProcessServe.start(out, DemoConsole.quiet(),
                Stream.concat(onDatabase.stream(), Stream.of("--compclose.delivery.backoff=10ms"))
                        .toArray(String[]::new));
        long id;
        String l;
        try {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity())
                    .build();
            ConsoleUsers users = context.getBean(ConsoleUsers.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            // R001's October commission line
            Map<String, Object> line = jdbc.queryForMap("SELECT line_no, earning_code, amount FROM pay_line "
                    + "WHERE pay_period = '2026-10' AND rep_id = 'R001' AND earning_code = 'COMMISSION'");
            l = String.valueOf(line.get("line_no"));
            String lineText = line.get("earning_code") + " USD " + String.format("%,.2f", line.get("amount"));

            // when R001 raises an inquiry on that line, with a script in its text and a CSV attached
            assertThat(page(mvc, get("/me/inquiries/new?period=2026-10&version=1&line=" + l), users, "rep"))
                    .contains("Ask about statement").contains("line " + l + ": " + line.get("earning_code"));
            MvcResult raised = mvc.perform(raise("2026-10", l, "<script>alert('x')</script> B-1007 is missing",
                    new MockMultipartFile("attachment", "deals.csv", "text/csv", "booking\nB-1007\n".getBytes()))
                    .with(csrf()).with(as(users, "rep"))).andReturn();

            // then it is stored, and the rep's pages show the text as text
            assertThat(raised.getResponse().getStatus()).isEqualTo(302);
            id = jdbc.queryForObject("SELECT id FROM inquiry WHERE rep_id = 'R001'", Long.class);
            assertThat(raised.getResponse().getRedirectedUrl()).isEqualTo("/me/inquiries/" + id);
            String mine = page(mvc, get("/me/inquiries"), users, "rep");
            assertThat(mine).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; B-1007 is missing")
                    .doesNotContain("<script>alert").contains("#" + id + " 2026-10 line " + l).contains("open");
            MvcResult attachment = mvc.perform(get("/me/inquiries/" + id + "/attachment").with(as(users, "rep")))
                    .andReturn();
            assertThat(attachment.getResponse().getContentAsString()).isEqualTo("booking\nB-1007\n");
            assertThat(attachment.getResponse().getContentType()).isEqualTo("text/csv");

            // and another rep's inquiry is refused, the attempt audited
            assertThat(mvc.perform(get("/me/inquiries/" + id).with(as(users, "rep2"))).andReturn().getResponse()
                    .getStatus()).isEqualTo(403);
            assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'refused'", String.class))
                    .containsExactly("asked for inquiry #" + id + " of rep R001, signed in as rep R002");

            // and bad input is refused with why, nothing stored
            byte[] big = new byte[2 * 1024 * 1024 + 1];
            Arrays.fill(big, (byte) 'a');
            assertThat(refused(mvc, users, raise("2026-10", l, "see file",
                    new MockMultipartFile("attachment", "big.txt", "text/plain", big))))
                    .contains("The attachment big.txt is 2048 KB; at most 2 MB is allowed.");
            assertThat(refused(mvc, users, raise("2026-10", l, "see file", new MockMultipartFile("attachment",
                    "proof.pdf", "application/pdf", "<html><script>x</script>".getBytes()))))
                    .contains("The attachment proof.pdf is named .pdf but its content is not a PDF file.");
            assertThat(refused(mvc, users, raise("2026-09", "", "why?", null)))
                    .contains("You have no statement 2026-09 version 1.");
            int repTwoOnly = jdbc.queryForObject("SELECT MAX(line_no) FROM pay_line WHERE pay_period = '2026-10' "
                    + "AND rep_id = 'R002'", Integer.class) + 1000;
            assertThat(refused(mvc, users, raise("2026-10", String.valueOf(repTwoOnly), "why?", null)))
                    .contains("Your statement 2026-10 has no line " + repTwoOnly + ".");
            assertThat(mvc.perform(raise("2026-10", l, "no token", null).with(as(users, "rep"))).andReturn()
                    .getResponse().getStatus()).isEqualTo(403);
            assertThat(mvc.perform(raise("2026-10", l, "forged", null).with(csrf().useInvalidToken())
                    .with(as(users, "rep"))).andReturn().getResponse().getStatus()).isEqualTo(403);
            assertThat(mvc.perform(post("/inquiries/" + id + "/answer").param("text", "forged")
                    .with(csrf().useInvalidToken()).with(as(users, "finance"))).andReturn().getResponse().getStatus())
                    .isEqualTo(403);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inquiry", Long.class)).isEqualTo(1);

            // when finance reads the queue and the inquiry, and answers
            assertThat(DemoConsole.rowText(page(mvc, get("/inquiries"), users, "finance"), String.valueOf(id)))
                    .matches(id + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d " + java.util.regex.Pattern.quote("R001 2026-10 line " + l
                            + " " + lineText + " open"));
            assertThat(page(mvc, get("/me/inquiries"), users, "rep")).doesNotContain(">Inquiries<");
            String detail = page(mvc, get("/inquiries/" + id), users, "finance");
            assertThat(DemoConsole.text(detail)).contains("About line " + l + " " + lineText)
                    .contains("Attachment deals.csv").contains("<script>alert('x')</script> B-1007 is missing");
            assertThat(detail).doesNotContain("<script>alert");
            assertThat(mvc.perform(post("/inquiries/" + id + "/answer").param("text", "Checking <b>B-1007</b>")
                    .with(csrf()).with(as(users, "finance"))).andReturn().getResponse().getStatus()).isEqualTo(302);

            // and proposes to resolve it with USD 250.00
            MvcResult proposed = mvc.perform(post("/inquiries/" + id + "/resolve").param("outcome", "adjustment")
                    .param("amount", "250.00").param("reason", "B-1007 split missed")
                    .with(csrf()).with(as(users, "finance"))).andReturn();

            // then it waits for a second finance user: nothing approved, nothing paid, the rep not told
            assertThat(proposed.getFlashMap().get("notice"))
                    .isEqualTo("Adjustment of USD 250.00 proposed; it waits for another finance user's approval.");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inquiry_adjustment", Long.class)).isZero();
            assertThat(DemoConsole.rowText(page(mvc, get("/inquiries"), users, "finance"), String.valueOf(id)))
                    .endsWith("adjustment proposed by finance, waiting for approval");
            String waiting = page(mvc, get("/inquiries/" + id), users, "finance2");
            assertThat(DemoConsole.text(waiting))
                    .contains("State adjustment proposed by finance, waiting for approval")
                    .contains("Proposed USD 250.00: B-1007 split missed, proposed by finance The rep asks")
                    .contains("Approve the adjustment").contains("Decline the adjustment")
                    .doesNotContain("You proposed it");
            assertThat(DemoConsole.text(page(mvc, get("/inquiries/" + id), users, "finance")))
                    .contains("You proposed it: another finance user approves it.")
                    .doesNotContain("Send answer").doesNotContain("Propose adjustment");
            assertThat(mvc.perform(post("/inquiries/" + id + "/answer").param("text", "meanwhile").with(csrf())
                    .with(as(users, "finance"))).andReturn().getFlashMap().get("problem")).isEqualTo("This inquiry's "
                    + "adjustment waits for approval; approve or decline it before it is answered.");

            // when the one who proposed it approves it: refused, audited, nothing approved
            MvcResult self = mvc.perform(post("/inquiries/" + id + "/approve").with(csrf()).with(as(users, "finance")))
                    .andReturn();
            assertThat(self.getFlashMap().get("problem"))
                    .isEqualTo("The adjustment must be approved by someone other than finance, who proposed it.");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inquiry_adjustment", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT state FROM inquiry WHERE id = ?", String.class, id))
                    .isEqualTo("PROPOSED");

            // when finance2 declines it, with why: the inquiry is answered again, the reason among its messages
            MvcResult declined = mvc.perform(post("/inquiries/" + id + "/decline").param("reason", "Check B-1008 too")
                    .with(csrf()).with(as(users, "finance2"))).andReturn();
            assertThat(declined.getFlashMap().get("notice"))
                    .isEqualTo("Adjustment declined; the inquiry is open to answers and another resolution.");
            assertThat(jdbc.queryForObject("SELECT state FROM inquiry WHERE id = ?", String.class, id))
                    .isEqualTo("ANSWERED");
            assertThat(DemoConsole.text(page(mvc, get("/inquiries/" + id), users, "finance")))
                    .contains("finance2, ").contains("Declined the adjustment of USD 250.00 proposed by finance: "
                            + "Check B-1008 too").contains("Propose adjustment").doesNotContain("Approve the adjustment");

            // and finance proposes it again, and finance2, signed in, approves it
            mvc.perform(post("/inquiries/" + id + "/resolve").param("outcome", "adjustment").param("amount", "250.00")
                    .param("reason", "B-1007 split missed").with(csrf()).with(as(users, "finance")));
            MvcResult resolved = mvc.perform(post("/inquiries/" + id + "/approve").with(csrf())
                    .with(as(users, "finance2"))).andReturn();

            // then the adjustment waits for November, the first period after October not closed, approved by finance2
            assertThat(resolved.getFlashMap().get("notice")).isEqualTo("Adjustment INQ-" + id + " of USD 250.00 "
                    + "approved by finance2; it is paid with the close of 2026-11; the rep is emailed.");
            assertThat(jdbc.queryForMap("SELECT adjustment_id, rep_id, amount, currency, reason, requested_by, "
                    + "approved_by, target_period FROM inquiry_adjustment")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ADJUSTMENT_ID", "INQ-" + id, "REP_ID", "R001", "AMOUNT", new BigDecimal("250.00"),
                    "CURRENCY", "USD", "REASON", "Adjustment for inquiry #" + id + " (2026-10 line " + l + "): B-1007 split "
                            + "missed", "REQUESTED_BY", "finance", "APPROVED_BY", "finance2", "TARGET_PERIOD", "2026-11"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inquiry_proposal", Long.class)).isZero();
            assertThat(mvc.perform(post("/inquiries/" + id + "/approve").with(csrf()).with(as(users, "finance2")))
                    .andReturn().getFlashMap().get("problem"))
                    .isEqualTo("This inquiry is resolved: adjusted: it has no proposed adjustment to be approved.");
            assertThat(mvc.perform(post("/inquiries/" + id + "/answer").param("text", "again").with(csrf())
                    .with(as(users, "finance"))).andReturn().getFlashMap().get("problem"))
                    .isEqualTo("This inquiry is already resolved: adjusted; it cannot be answered again.");

            // and the rep got one email per answer and resolution (not the decline), the words escaped in its HTML
            Path outbox = out.resolve("outbox/inquiries");
            try (Stream<Path> mails = Files.list(outbox)) {
                assertThat(mails.map(p -> p.getFileName().toString()).sorted())
                        .containsExactly("inquiry-" + id + "-1.eml", "inquiry-" + id + "-3.eml");
            }
            String answer = mail(outbox.resolve("inquiry-" + id + "-1.eml"));
            assertThat(answer).contains("Subject: Answer to inquiry #" + id + " on statement 2026-10 (line " + l + ")")
                    .contains("<blockquote>Checking &lt;b&gt;B-1007&lt;/b&gt;</blockquote>")
                    .contains("<blockquote>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; B-1007 is missing"
                            + "</blockquote>");
            // the plain-text part is text; the HTML part holds no markup of the rep's or finance's
            assertThat(answer.substring(answer.indexOf("<p>Hello"))).doesNotContain("<script>").doesNotContain("<b>");
            assertThat(mail(outbox.resolve("inquiry-" + id + "-3.eml")))
                    .contains("Adjusted by USD 250.00, paid with the close of 2026-11: B-1007 split missed");

            // and each email is one delivery of R001's October statement in the delivery log, sent once
            String email = jdbc.queryForObject("SELECT email FROM rep_assignment WHERE rep_id = 'R001' "
                    + "AND pay_period = '2026-10'", String.class);
            String inquiryDeliveries = "SELECT CONCAT_WS(' ', pay_period, rep_id, statement_version, subject, send_no, "
                    + "recipient, channel, outcome, attempts, requested_by, message_id) FROM delivery_log "
                    + "WHERE subject <> 'statement' ORDER BY subject";
            List<String> sends = List.of(
                    "2026-10 R001 1 inquiry-" + id + "-1 1 " + email + " OUTBOX SENT 1 finance <inquiry." + id
                            + ".1@compclose>",
                    "2026-10 R001 1 inquiry-" + id + "-3 1 " + email + " OUTBOX SENT 1 finance <inquiry." + id
                            + ".3@compclose>");
            assertThat(jdbc.queryForList(inquiryDeliveries, String.class)).containsExactlyElementsOf(sends);
            InquiryMail inquiryMail = context.getBean(InquiryMail.class);
            InquiryRepository repository = context.getBean(InquiryRepository.class);
            Files.delete(outbox.resolve("inquiry-" + id + "-1.eml"));
            inquiryMail.send(repository.find(id).orElseThrow(), repository.messages(id).get(0));
            assertThat(outbox.resolve("inquiry-" + id + "-1.eml")).doesNotExist();
            assertThat(jdbc.queryForList(inquiryDeliveries, String.class)).containsExactlyElementsOf(sends);
            // when finance2 emails the lost answer again: a new send, asked for by finance2, audited
            MvcResult again = mvc.perform(post("/inquiries/" + id + "/messages/1/resend").with(csrf())
                    .with(as(users, "finance2"))).andReturn();
            assertThat(again.getFlashMap().get("notice")).isEqualTo("Message 1 emailed again: sent to " + email + ".");
            assertThat(mail(outbox.resolve("inquiry-" + id + "-1.resend-2.eml")))
                    .contains("<blockquote>Checking &lt;b&gt;B-1007&lt;/b&gt;</blockquote>");
            assertThat(jdbc.queryForList(inquiryDeliveries, String.class)).containsExactly(sends.get(0),
                    "2026-10 R001 1 inquiry-" + id + "-1 2 " + email + " OUTBOX SENT 1 finance2 <inquiry." + id
                            + ".1.s2@compclose>", sends.get(1));
            assertThat(mvc.perform(post("/inquiries/" + id + "/messages/2/resend").with(csrf())
                    .with(as(users, "finance2"))).andReturn().getFlashMap().get("problem"))
                    .isEqualTo("Inquiry #" + id + " has no message 2 that is emailed to the rep.");
            assertThat(DemoConsole.text(page(mvc, get("/inquiries/" + id), users, "finance")))
                    .contains("Emails to the rep Message Latest send 1 send 2: SENT Email again 3 send 1: SENT Email again");
            // and the statements page lists them with R001's statement sends
            assertThat(DemoConsole.rowText(page(mvc, get("/periods/2026-10/statements"), users, "finance"), "R001"))
                    .contains("send 1: SENT").contains("inquiry #" + id + " message 1: SENT")
                    .contains("inquiry #" + id + " message 1, send 2: SENT, ")
                    .contains("inquiry #" + id + " message 3: SENT").contains("asked by finance2");

            // and every step is in the audit trail
            assertThat(jdbc.queryForList("SELECT CONCAT_WS(' ', actor, action, pay_period, detail) "
                    + "FROM audit_event WHERE action <> 'close' AND action <> 'approve' ORDER BY id", String.class))
                    .containsExactly(
                            "rep inquiry 2026-10 raised inquiry #" + id + " on statement 2026-10 v1 line " + l + " of rep R001 "
                                    + "with attachment deals.csv",
                            "rep2 refused 2026-10 asked for inquiry #" + id + " of rep R001, signed in as rep R002",
                            "finance answer 2026-10 answered inquiry #" + id + " of rep R001",
                            "finance resolve 2026-10 proposed adjustment INQ-" + id + " of USD 250.00 for inquiry #" + id
                                    + " of rep R001: B-1007 split missed",
                            "finance refused 2026-10 approval of the adjustment of inquiry #" + id + " refused: The "
                                    + "adjustment must be approved by someone other than finance, who proposed it.",
                            "finance2 resolve 2026-10 declined the adjustment of USD 250.00 proposed by finance for "
                                    + "inquiry #" + id + " of rep R001: Check B-1008 too",
                            "finance resolve 2026-10 proposed adjustment INQ-" + id + " of USD 250.00 for inquiry #" + id
                                    + " of rep R001: B-1007 split missed",
                            "finance2 adjust 2026-11 approved adjustment INQ-" + id + " of USD 250.00 for rep R001, "
                                    + "proposed by finance: B-1007 split missed",
                            "finance resolve 2026-10 resolved inquiry #" + id + " of rep R001 with adjustment INQ-" + id
                                    + " of USD 250.00, paid in 2026-11",
                            "finance2 resend 2026-10 email of inquiry #" + id + " message 1 to rep R001: sent to "
                                    + email);
            String repPage = DemoConsole.text(page(mvc, get("/me/inquiries/" + id), users, "rep"));
            assertThat(repPage).contains("State resolved: adjusted").contains("Attachment deals.csv")
                    .contains("finance, ").contains("Checking <b>B-1007</b>").doesNotContain("Resolve with");

            // and a question on the whole statement, resolved with no change while the outbox cannot be written
            // (a file where its folder goes), says why in its page; its email fails, recorded, and goes again
            mvc.perform(raise("2026-10", "", "Why is my quota 100,000?", null).with(csrf()).with(as(users, "rep")));
            long whole = jdbc.queryForObject("SELECT MAX(id) FROM inquiry", Long.class);
            Path aside = Files.move(outbox, work.resolve("outbox-aside"));
            Files.writeString(outbox, "not a folder");
            MvcResult noChange = mvc.perform(post("/inquiries/" + whole + "/resolve").param("outcome", "no-change")
                    .param("reason", "Your plan AE-2026 sets it.").with(csrf()).with(as(users, "finance"))).andReturn();
            assertThat(noChange.getFlashMap().get("notice").toString())
                    .startsWith("Resolved with no change; the email to the rep was not sent (")
                    .endsWith("): email it again from this page.");
            assertThat(jdbc.queryForMap("SELECT send_no, outcome, attempts, detail FROM delivery_log WHERE subject = ?",
                    "inquiry-" + whole + "-1")).satisfies(row -> {
                        assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
                        assertThat(row.get("ATTEMPTS")).isEqualTo(3);
                        assertThat(row.get("DETAIL").toString()).startsWith("transient, 3 attempts: ");
                    });
            assertThat(DemoConsole.text(page(mvc, get("/inquiries/" + whole), users, "finance")))
                    .contains("Emails to the rep Message Latest send 1 send 1: FAILED: transient, 3 attempts: ");
            Files.delete(outbox);
            Files.move(aside, outbox);
            assertThat(mvc.perform(post("/inquiries/" + whole + "/messages/1/resend").with(csrf())
                    .with(as(users, "finance"))).andReturn().getFlashMap().get("notice"))
                    .isEqualTo("Message 1 emailed again: sent to " + email + ".");
            assertThat(jdbc.queryForList("SELECT CONCAT_WS(' ', send_no, outcome, requested_by) FROM delivery_log "
                    + "WHERE subject = ? ORDER BY send_no", String.class, "inquiry-" + whole + "-1"))
                    .containsExactly("1 FAILED finance", "2 SENT finance");
            assertThat(DemoConsole.rowText(page(mvc, get("/inquiries"), users, "finance"), String.valueOf(whole)))
                    .endsWith("R001 2026-10 whole statement resolved: no change");
            assertThat(mail(outbox.resolve("inquiry-" + whole + "-1.resend-2.eml")))
                    .contains("Subject: Resolved: inquiry #" + whole + " on statement 2026-10 (whole statement)")
                    .contains("No change: Your plan AE-2026 sets it.");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inquiry_adjustment WHERE inquiry_id = ?", Long.class,
                    whole)).isZero();
        } finally {
            context.close();
        }

        // when November's close fails after its adjustments were loaded, and restarts on a re-delivered
        // adjustments.csv (same rows, other order), which clears and reads the period's adjustments again
        Path november = copy(INBOX.resolve("2026-11"), work.resolve("inbox-2026-11"));
        FaultInjection.arm("calculateEarnings", 2);
        List<String> closeNovember = Stream.concat(Stream.of("close", "--period=2026-11", "--inbox=" + november,
                "--out=" + out, "--compclose.progress=false", "--compclose.chunk-size=3"), onDatabase.stream()).toList();
        CliRun failed = CliRun.of(closeNovember, FaultInjection.class);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        CloseFixture close = new CloseFixture(out, url, false);
        assertThat(close.count("SELECT COUNT(*) FROM adjustment WHERE pay_period = '2026-11'")).isEqualTo(3);
        List<String> adjustments = Files.readAllLines(november.resolve("adjustments.csv"));
        Files.write(november.resolve("adjustments.csv"), List.of(adjustments.get(0), adjustments.get(2),
                adjustments.get(1)));
        CliRun restarted = CliRun.of(closeNovember, FaultInjection.class);

        // then November pays R001 exactly USD 250.00 more than the demo: 11,782.72 + 250.00 = 12,032.72
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).contains("adjustments.csv changed since the failed run");
        List<String> payroll = Files.readAllLines(out.resolve("payroll/payroll-2026-11.csv"));
        assertThat(payroll).filteredOn(row -> row.contains(",R001,")).containsExactly(
                "E1001,R001,2026-11,ACCELERATOR,1320.00,USD",
                "E1001,R001,2026-11,ADJUSTMENT,250.00,USD",
                "E1001,R001,2026-11,CLAWBACK,-1017.28,USD",
                "E1001,R001,2026-11,COMMISSION,10980.00,USD",
                "E1001,R001,2026-11,SPIFF,500.00,USD");
        // the demo's 22 rows and USD 28,536.72, plus the inquiry's row
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-11.ctl")))
                .contains("row_count=23", "total_EUR=7650.00", "total_USD=28786.72");
        assertThat(close.jdbc().queryForList("SELECT CONCAT_WS(' ', adjustment_id, rep_id, amount, currency) "
                + "FROM adjustment WHERE pay_period = '2026-11' ORDER BY adjustment_id", String.class))
                .containsExactly("ADJ-1 R002 250.00 USD", "ADJ-2 R004 150.00 EUR", "INQ-" + id + " R001 250.00 USD");
        assertThat(close.jdbc().queryForObject("SELECT SUM(amount) FROM payout WHERE pay_period = '2026-11' "
                + "AND rep_id = 'R001'", BigDecimal.class)).isEqualByComparingTo("12032.72");
        String statement = Pdfs.text(Files.readAllBytes(out.resolve("statements/2026-11/R001.pdf")))
                .replaceAll("\\s+", " ");
        assertThat(statement).contains("USD 12,032.72")
                .contains("Adjustment for inquiry #" + id + " (2026-10 line " + l + "): B-1007 split missed");
        SummaryCsv summary = SummaryCsv.read(out.resolve("reports/close-summary-2026-11.csv"));
        assertThat(summary.section("Inquiries: on this period's statements, or paid in it")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("item")).isEqualTo("#" + id + " R001");
                    assertThat(row.get("amount")).isEqualTo("250.00");
                    assertThat(row.get("detail")).isEqualTo("2026-10 line " + l + ": resolved: adjusted, INQ-" + id
                            + " paid in 2026-11");
                });
    }

    @Test
    void anUploadOverTheServersLimitGetsAPageThatSaysWhy() throws Exception {
        // given the console served on a port, a rep signed in with a browser's cookies
        Path out = work.resolve("out");
        writeUsers(out.resolve("console/users.csv"));
        ConfigurableApplicationContext context = InProcessServe.start(out, DemoConsole.quiet());
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String base = "http://127.0.0.1:" + port;
            String token = token(browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=rep&password=secret&_csrf=" + token)).build(),
                    HttpResponse.BodyHandlers.discarding());
            String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/me/inquiries/new?period=2026-10"
                    + "&version=1")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(form).contains("Ask about statement");

            // when the form is sent with a 6 MB file, over the server's 5 MB limit of a request
            String boundary = "----inquiry";
            byte[] file = new byte[6 * 1024 * 1024];
            Arrays.fill(file, (byte) 'a');
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token(form)
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n2026-10\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nsee file\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"big.txt\""
                    + "\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(URI.create(base + "/me/inquiries"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());

            // then the console answers with its own page, no trace
            assertThat(sent.statusCode()).isEqualTo(413);
            assertThat(DemoConsole.text(sent.body())).contains("File too large An attachment may be at most 2 MB.")
                    .doesNotContain("Exception");
        } finally {
            context.close();
        }
    }

    /** The CSRF token a page's form carries. */
    private static String token(String page) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return token.group(1);
    }

    private static MockMultipartHttpServletRequestBuilder raise(String period, String line, String text,
            MockMultipartFile attachment) {
        MockMultipartHttpServletRequestBuilder request = multipart("/me/inquiries");
        if (attachment != null) {
            request.file(attachment);
        }
        request.param("period", period).param("version", "1").param("line", line).param("text", text);
        return request;
    }

    private static String refused(MockMvc mvc, ConsoleUsers users, MockMultipartHttpServletRequestBuilder request)
            throws Exception {
        MvcResult result = mvc.perform(request.with(csrf()).with(as(users, "rep"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        return DemoConsole.text(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String page(MockMvc mvc, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
            request, ConsoleUsers users, String username) throws Exception {
        MvcResult result = mvc.perform(request.with(as(users, username))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor as(ConsoleUsers users, String username) {
        return user(users.loadUserByUsername(username));
    }

    /** An email as written to the outbox, its quoted-printable soft line breaks and escapes undone. */
    static String mail(Path eml) throws Exception {
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()), Files.newInputStream(eml));
        StringBuilder text = new StringBuilder("Subject: " + message.getSubject() + "\n");
        collect(message.getContent(), text);
        return text.toString();
    }

    private static void collect(Object content, StringBuilder text) throws Exception {
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                collect(parts.getBodyPart(i).getContent(), text);
            }
        } else {
            text.append(content).append('\n');
        }
    }

    /** Users: two finance users, so that one can approve what the other requests, and two reps. */
    static void writeUsers(Path file) throws Exception {
        String hash = new BCryptPasswordEncoder(4).encode("secret");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "username,role,rep_id,password_bcrypt\n" + "finance,FINANCE,," + hash + "\n"
                + "finance2,FINANCE,," + hash + "\n" + "payroll,PAYROLL,," + hash + "\n" + "rep,REP,R001," + hash
                + "\n" + "rep2,REP,R002," + hash + "\n");
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
