package io.compclose.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.compclose.core.plan.PayPeriod;

class StatementRendererTests {

    private static final StatementRenderer RENDERER = new StatementRenderer();
    private static final BigDecimal RATE = new BigDecimal("0.08");
    private static final String NOTE =
            "Commission = credited ACV × 8 % plan rate, rounded half-even to the cent per booking.";

    @Test
    void aPlanRateReadsAsWrittenAndARateBlendedOverBandsToTwoDecimals() {
        assertEquals("8.125 %", StatementRenderer.rate(new BigDecimal("0.08125")));
        assertEquals("9 %", StatementRenderer.rate(new BigDecimal("0.09")));
        // 10,020.00 earned on 90,000.00 over the 9 % and 15 % bands: 11.1333... %
        assertEquals("11.13 %", StatementRenderer.rate(new BigDecimal("10020.00")
                .divide(new BigDecimal("90000.00"), 10, RoundingMode.HALF_EVEN)));
    }

    @Test
    void aLinePaidPerUnitShowsItsAmountPerUnitNotAPercentage() throws IOException {
        // 25 qualified meetings at 50 each up to 20 and 75 above: 20 x 50 + 5 x 75 = 1,375.00, 55 a meeting
        StatementLine meetings = new StatementLine("TRANSACTION", "MEETINGS-2026-10", null, null, null, null, null,
                null, null, null, new BigDecimal("25"), new BigDecimal("55"), new BigDecimal("1375.00"),
                "meetings: 25 qualified meetings [0–20 at 50 per unit + 20+ at 75 per unit]", "SDR-2026 v1", true);

        String text = text(RENDERER.render(document(List.of(meetings))));

        assertTrue(text.contains("55.00 per unit"), text);
        assertFalse(text.contains("5500 %"), text);
        assertEquals("55.00 per unit", StatementRenderer.perUnit(new BigDecimal("55")));
    }

    @Test
    void printsHeaderLinesAndTotalOfAThreeLineStatement() throws IOException {
        StatementDocument doc = document(List.of(
                line("BK-1001", "2026-10-02", "Acme Corporation", "12000.00"),
                line("BK-1002", "2026-10-14", "Globex Ltd", "25000.00"),
                line("BK-1003", "2026-10-29", "Initech GmbH", "7499.95")));
        assertEquals(new BigDecimal("3560.00"), doc.totalCommission());

        byte[] pdf = RENDERER.render(doc);

        try (PDDocument pd = Loader.loadPDF(pdf)) {
            String text = text(pd);
            assertTrue(text.contains("Jane Doe"), text);
            assertTrue(text.contains("October 2026"), text);
            assertTrue(text.contains("R-1042"), text);
            assertTrue(text.contains("Account Executive"), text);
            assertTrue(text.contains("This period's payout"), text);
            for (String id : List.of("BK-1001", "BK-1002", "BK-1003")) {
                assertTrue(text.contains(id), id);
            }
            assertTrue(text.contains("12,000.00 USD"), text);
            assertTrue(text.contains("7,499.95 USD"), text);
            assertTrue(Pattern.compile("BK-1001\\s+2026-10-02\\s+Acme Corporation\\s+New\\s+Platform\\s+"
                    + "12,000.00 USD\\s+100 %\\s+12,000.00\\s+8 %\\s+960.00").matcher(text).find(), text);
            // 7,499.95 × 8 % = 599.996, which rounds half-even to 600.00.
            for (String commission : List.of("960.00", "2,000.00", "600.00")) {
                assertTrue(text.contains(commission), commission);
            }
            assertTrue(text.contains("USD 3,560.00"), text);
            assertTrue(Pattern.compile("Total payout\\s+USD 3,560\\.00").matcher(text).find(), text);
            assertTrue(text.contains("44,499.95 USD"), text);
            assertTrue(text.contains("rounded half-even to the cent"), text);
            assertTrue(text.contains("CompClose · October 2026 · R-1042"), text);
            assertTrue(text.contains("Page 1 of 1"), text);
            assertFalse(text.contains("No credited bookings"), text);
            assertEquals("Commission statement 2026-10 R-1042", pd.getDocumentInformation().getTitle());
            assertEquals("CompClose", pd.getDocumentInformation().getAuthor());
        }
    }

    @Test
    void breaksOneHundredTwentyLinesOverSeveralNumberedPages() throws IOException {
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add(line("BK-%04d".formatted(i), "2026-10-%02d".formatted(1 + i % 28),
                    "Customer number " + i + " with a rather long registered company name", "1000.00"));
        }
        lines.set(119, line("BK-0120", "2026-10-31", "Largest Account Inc.", "CROSS_SELL", "9999999.99"));

        try (PDDocument pd = Loader.loadPDF(RENDERER.render(document(lines)))) {
            int pages = pd.getNumberOfPages();
            assertTrue(pages > 1, "pages: " + pages);
            String text = text(pd);
            assertTrue(text.contains("Page 1 of " + pages), text);
            assertTrue(text.contains("Page " + pages + " of " + pages), text);
            Matcher pageLabels = Pattern.compile("Page \\d+ of (\\d+)").matcher(text);
            int labels = 0;
            while (pageLabels.find()) {
                assertEquals(String.valueOf(pages), pageLabels.group(1));
                labels++;
            }
            assertEquals(pages, labels);
            assertTrue(text.contains("BK-0001") && text.contains("BK-0120"), text);
            // The largest supported amount must be printed whole, never cut.
            assertTrue(text.contains("9,999,999.99 USD"), text);
            assertTrue(text.contains("CROSS_SELL"), "the widest booking type fits: " + text);
            assertTrue(text.contains("800,000.00"), text); // 9,999,999.99 × 8 % = 799,999.9992
            assertTrue(text.contains("…"), "long account names are cut with an ellipsis");
            // The column headers repeat on every page.
            assertEquals(pages, count(text, "Booking"));
        }
    }

    @Test
    void marksEveryPageOfADraftAndNoneOfTheIssuedStatement() throws IOException {
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add(line("BK-%04d".formatted(i), "2026-10-%02d".formatted(1 + i % 28), "Customer " + i, "1000.00"));
        }
        StatementDocument doc = document(lines);

        try (PDDocument draft = Loader.loadPDF(RENDERER.render(doc, null, true));
                PDDocument issued = Loader.loadPDF(RENDERER.render(doc))) {
            assertTrue(draft.getNumberOfPages() > 1, "pages: " + draft.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= draft.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertEquals(1, count(stripper.getText(draft), "DRAFT — not approved"), "page " + page);
            }
            assertFalse(text(issued).contains("DRAFT"));
        }
    }

    @Test
    void saysSoWhenThereAreNoCreditedBookings() throws IOException {
        StatementDocument doc = document(List.of());
        assertEquals(0, doc.bookingCount());
        assertEquals(BigDecimal.ZERO, doc.totalCredited());

        try (PDDocument pd = Loader.loadPDF(RENDERER.render(doc))) {
            String text = text(pd);
            assertEquals(1, pd.getNumberOfPages());
            assertTrue(text.contains("No credited bookings this period."), text);
            assertTrue(Pattern.compile("Total payout\\s+USD 0\\.00").matcher(text).find(), text);
            assertTrue(text.contains("Jane Doe") && text.contains("October 2026"), text);
            assertFalse(text.contains("Booking"), "no empty table header: " + text);
        }
    }

    @Test
    void embedsEveryFont() throws IOException {
        try (PDDocument pd = Loader.loadPDF(RENDERER.render(document(List.of(
                line("BK-1001", "2026-10-02", "Acme Corporation", "12000.00")))))) {
            int fonts = 0;
            for (PDPage page : pd.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                    fonts++;
                }
            }
            assertTrue(fonts > 0);
        }
    }

    @Test
    void doesNotFollowTheDefaultLocale() throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String text = text(RENDERER.render(document(List.of(
                    line("BK-1001", "2026-10-02", "Acme Corporation", "12000.00")))));
            assertTrue(text.contains("October 2026") && text.contains("12,000.00 USD"), text);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void rendersFromSeveralThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "BK-T" + i;
                results.add(pool.submit(() -> text(RENDERER.render(document(List.of(
                        line(id, "2026-10-02", "Acme Corporation", "12000.00")))))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertTrue(results.get(i).get().contains("BK-T" + i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEncryptedStatementOpensOnlyWithTheRepsPassword() throws IOException {
        StatementDocument doc = document(List.of(line("BK-1001", "2026-10-02", "Acme Corporation", "12000.00")));

        byte[] pdf = RENDERER.render(doc, "E-00917-1984");

        org.junit.jupiter.api.Assertions.assertThrows(
                org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException.class, () -> Loader.loadPDF(pdf));
        try (PDDocument pd = Loader.loadPDF(pdf, "E-00917-1984")) {
            assertTrue(pd.isEncrypted());
            assertTrue(pd.getCurrentAccessPermission().canPrint());
            assertFalse(pd.getCurrentAccessPermission().canModify());
            assertTrue(text(pd).contains("Jane Doe"));
            assertTrue(text(pd).contains("960.00"));
        }
    }

    private static StatementDocument document(List<StatementLine> lines) {
        BigDecimal total = lines.stream().map(StatementLine::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal payout = total.setScale(2, RoundingMode.HALF_EVEN);
        // nothing earned before this period; the lines' commission is paid as one line
        List<StatementPayLine> pay = payout.signum() == 0 ? List.of()
                : List.of(new StatementPayLine("COMMISSION", "commission on the lines above", payout));
        return new StatementDocument(PayPeriod.of(YearMonth.of(2026, 10)), "R-1042", "E-00917", "Jane Doe",
                "Account Executive", "AE-2026", "Account Executive 2026", List.of(), "USD", lines, BigDecimal.ZERO, payout, pay,
                payout, BigDecimal.ZERO, NOTE, new YearToDate(payout, BigDecimal.ZERO, payout, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static StatementLine line(String id, String date, String account, String acv) {
        return line(id, date, account, "New", acv);
    }

    private static StatementLine line(String id, String date, String account, String type, String acv) {
        BigDecimal amount = new BigDecimal(acv);
        BigDecimal credited = amount.multiply(BigDecimal.ONE).setScale(2, RoundingMode.HALF_EVEN);
        return new StatementLine("TRANSACTION", id, LocalDate.parse(date), account, type, "Platform", amount, "USD",
                BigDecimal.ONE, BigDecimal.ONE, credited, RATE, credited.multiply(RATE).setScale(2, RoundingMode.HALF_EVEN),
                null, "AE-2026 v1", false);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument pd = Loader.loadPDF(pdf)) {
            return text(pd);
        }
    }

    private static String text(PDDocument pd) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pd);
    }

    private static int count(String text, String word) {
        return text.split(Pattern.quote(word), -1).length - 1;
    }
}
