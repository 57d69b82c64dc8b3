package io.compclose.web;

import static io.compclose.web.DemoConsole.rowText;
import static io.compclose.web.DemoConsole.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.util.HtmlUtils;

import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;

/**
 * Finance's drill-down of a rep's pay and the rep's own statement page and year to date, over the demo close of
 * October ({@link DemoConsole}), checked by hand against the demo's inputs: R001 is paid USD 58,081.95 in one
 * COMMISSION line, earned to date on eleven bookings, the first of them B-1017 on line 20 of bookings.csv.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillDownFunctionalTests {

    private DemoConsole demo;

    @BeforeAll
    void theDemoConsole() throws Exception {
        demo = DemoConsole.shared();
    }

    @Test
    void financeDrillsFromR001sPayoutToThePayLineEarningLineCreditAndBookingRow() throws Exception {
        // given
        String page = demo.page("/periods/2026-10/reps/R001", "finance");

        // then: payout → pay line 1
        assertThat(rowText(page, "USD")).isEqualTo("USD USD 58,081.95 line 1 COMMISSION");
        assertThat(page).contains("href=\"#pay-1\"");
        // pay line 1 → the earning lines whose sum is earned to date:
        // 58,081.95 = 5,927.14 + 5,904.02 + 7,878.32 + 6,549.12 + 1,017.28 + 1,965.24 + 9,467.64 + 2,099.88
        //             + 1,259.57 + 7,491.28 + 8,522.46 (B-1017 ... B-1073)
        assertThat(row(page, "pay-1")).isEqualTo("1 COMMISSION USD 58,081.95 earned to date 58081.95 − paid 0.00 "
                + "earned to date 58,081.95 USD = 11 earning lines");
        assertThat(link(page, "pay-1")).isEqualTo("#earning-lines");
        // earning line 1 → the credit it priced: 74,089.25 × 8 % = 5,927.14
        assertThat(row(page, "earning-1")).isEqualTo("1 bookings B-1017 2026-10 74,089.25 "
                + demo.jdbc().queryForObject("SELECT band FROM earning_line WHERE pay_period = '2026-10'"
                        + " AND rep_id = 'R001' AND line_no = 1", String.class) + " 8 % USD 5,927.14 AE-2026 v1 credit B-1017 of 2026-10");
        assertThat(link(page, "earning-1")).isEqualTo("#credit-2026-10-B-1017");
        // the credit → the booking row it came from, with its file and line
        assertThat(row(page, "credit-2026-10-B-1017")).isEqualTo("B-1017 2026-10 PRIMARY 100 % USD 74,089.25 "
                + "USD 74,089.25 owner-or-splits bookings.csv:20 bookings.csv line 20");
        assertThat(link(page, "credit-2026-10-B-1017")).isEqualTo("#booking-2026-10-B-1017");
        assertThat(row(page, "booking-2026-10-B-1017")).isEqualTo("bookings.csv 20 B-1017 2026-10 2026-10-02 "
                + "A-304 Stark Logistics R001 UPSELL PLATFORM USD 74,089.25 222,267.75 36");
        // and line 20 of the delivered file is that booking
        assertThat(Files.readAllLines(CloseFixture.SAMPLE_INBOX.resolve("bookings.csv")).get(19))
                .isEqualTo("B-1017,2026-10-02,A-304,Stark Logistics,R001,UPSELL,PLATFORM,74089.25,222267.75,36,USD,,");
        assertThat(Pattern.compile("id=\"earning-\\d+\"").matcher(page).results().count()).isEqualTo(11);
        assertThat(Pattern.compile("id=\"booking-2026-10-B-\\d+\"").matcher(page).results().count()).isEqualTo(11);
    }

    @Test
    void thePeriodsRepsAreFoundByIdOrNameAndLinkToTheDrillDown() throws Exception {
        assertThat(demo.page("/periods", "finance")).contains("href=\"/periods/2026-10/reps\"");
        String all = demo.page("/periods/2026-10/reps", "finance");
        assertThat(rowText(all, "R001")).endsWith("USD 58,081.95 Year to date");
        assertThat(all).contains("href=\"/periods/2026-10/reps/R001\"", "href=\"/periods/2026-10/reps/R001/ytd\"");
        String name = demo.jdbc().queryForObject("SELECT MAX(name) FROM rep_assignment WHERE pay_period = '2026-10'"
                + " AND rep_id = 'R001'", String.class);
        String byName = demo.page("/periods/2026-10/reps?q=" + name.substring(0, 4).toLowerCase(), "finance");
        assertThat(rowText(byName, "R001")).isEqualTo("R001 " + name + " USD 58,081.95 Year to date");
        String byId = demo.page("/periods/2026-10/reps?q=r00", "finance");
        assertThat(byId).contains(">R001<", ">R009<").doesNotContain(">R010<", ">M001<");
        assertThat(text(demo.page("/periods/2026-10/reps?q=nobody-at-all", "finance")))
                .contains("0 payouts", "No rep paid in the period matches.");
    }

    @Test
    void aRepCannotReachFinancesPagesAndUnknownRepsAndPeriodsAreNotFound() throws Exception {
        assertThat(demo.status("/periods/2026-10/reps/R002", "rep")).isEqualTo(403);
        assertThat(demo.status("/periods/2026-10/reps", "rep")).isEqualTo(403);
        assertThat(demo.status("/periods/2026-10/reps/R002/ytd", "rep")).isEqualTo(403);
        assertThat(demo.status("/periods/2026-10/reps/R002", "finance")).isEqualTo(200);
        assertThat(demo.status("/periods/2026-10/reps/R777", "finance")).isEqualTo(404);
        assertThat(demo.status("/periods/2026-10/reps/R777/ytd", "finance")).isEqualTo(404);
        assertThat(demo.status("/periods/2031-01/reps/R001", "finance")).isEqualTo(404);
        assertThat(demo.status("/periods/2031-01/reps", "finance")).isEqualTo(404);
        assertThat(demo.status("/periods/2026-13/reps/R001", "finance")).isEqualTo(404);
        assertThat(demo.status("/me/statements/2026-10/2/page", "rep")).isEqualTo(404);
        assertThat(demo.status("/me/statements/2026-10/1/page", "finance")).isEqualTo(403);
    }

    @Test
    void theRepsStatementPageShowsThePdfsLinesEachWithAnAskLink() throws Exception {
        // given
        String pdf = Pdfs.text(Files.readAllBytes(demo.out.resolve("statements/2026-10/R001.pdf")));
        String page = demo.page("/me/statements/2026-10/1/page", "rep");
        String words = text(page);

        // then: the same pay line and reason, the same deals and commissions
        assertThat(pdf).contains("earned to date 58,081.95 − paid 0.00 = 58,081.95 USD");
        assertThat(row(page, "pay-1")).isEqualTo("1 COMMISSION earned to date 58,081.95 − paid 0.00 = 58,081.95 USD "
                + "58,081.95 Ask about this line");
        assertThat(link(page, "pay-1")).isEqualTo("/me/inquiries/new?period=2026-10&version=1&line=1");
        assertThat(Pattern.compile("class=\"ask\"").matcher(page).results().count())
                .isEqualTo(demo.jdbc().queryForObject("SELECT COUNT(*) FROM pay_line WHERE pay_period = '2026-10'"
                        + " AND rep_id = 'R001'", Long.class));
        assertThat(page).contains("href=\"/me/inquiries/new?period=2026-10&amp;version=1\"");
        List<String> deals = List.of("B-1017", "B-1049", "B-1065", "B-1033", "B-1001", "B-1025", "B-1041", "B-1057",
                "B-1009", "B-1081", "B-1073");
        for (String deal : deals) {
            assertThat(pdf).contains(deal);
            assertThat(words).contains(deal);
        }
        for (String commission : List.of("5,927.14", "9,467.64", "8,522.46", "58,081.95")) {
            assertThat(pdf).contains(commission);
            assertThat(words).contains(commission);
        }
        assertThat(rowText(page, "B-1017")).isEqualTo("B-1017 2026-10-02 Stark Logistics UPSELL PLATFORM "
                + "74,089.25 USD 100 % 74,089.25 8 % 5,927.14");
        assertThat(words).contains("Earned this period 58,081.95 + earlier in 2026 0.00 = earned to date 58,081.95 USD.");
        assertThat(demo.page("/me", "rep")).contains("href=\"/me/statements/2026-10/1/page\"", "href=\"/me/ytd\"");
    }

    @Test
    void theRepsYearToDateIsTheStatementsYearToDate() throws Exception {
        // given: the statement's year to date after October, as the ledger settled it
        String pdf = Pdfs.text(Files.readAllBytes(demo.out.resolve("statements/2026-10/R001.pdf")));
        String page = demo.page("/me/ytd", "rep");

        // then: earned 58,081.95, paid 0.00 before + 58,081.95 now, nothing held back or to recover
        assertThat(figure(page, "earned")).isEqualTo("58,081.95");
        assertThat(figure(page, "paid")).isEqualTo("58,081.95");
        assertThat(figure(page, "held")).isEqualTo("0.00");
        assertThat(figure(page, "recover")).isEqualTo("0.00");
        assertThat(pdf).contains("58,081.95");
        // the attainment per component, as the statement's table gives it (two plan versions merged, no quota)
        assertThat(rowText(page, "bookings: ACV")).isEqualTo("bookings: ACV 2026 683,238.22 no quota no quota 58,081.95");
        assertThat(page).contains("<svg", "<title", "Attainment of bookings: ACV against quota, by month: Oct no quota");
        assertThat(rowText(page, "2026-10")).isEqualTo("2026-10 683,238.22 no quota no quota");
        // finance sees the same year to date of the rep
        String finance = demo.page("/periods/2026-10/reps/R001/ytd", "finance");
        assertThat(figure(finance, "earned")).isEqualTo("58,081.95");
        assertThat(figure(finance, "paid")).isEqualTo("58,081.95");
    }

    /** The text of the table row with the id, cells separated by one space. */
    private static String row(String page, String id) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("row " + id).isTrue();
        return text(row.group(1));
    }

    /** The first link of the row with the id. */
    private static String link(String page, String id) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).isTrue();
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(row.group(1));
        assertThat(href.find()).isTrue();
        return HtmlUtils.htmlUnescape(href.group(1));
    }

    private static String figure(String page, String id) {
        Matcher figure = Pattern.compile("<dd id=\"" + id + "\">([^<]*)</dd>").matcher(page);
        assertThat(figure.find()).as(id).isTrue();
        return figure.group(1);
    }
}
