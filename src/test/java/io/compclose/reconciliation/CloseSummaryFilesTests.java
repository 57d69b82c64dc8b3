package io.compclose.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.reconciliation.CloseSummaryRepository.Row;
import io.compclose.support.Pdfs;

class CloseSummaryFilesTests {

    private static final CloseSummaryFiles FILES = new CloseSummaryFiles();

    private static List<Row> rows(int registerReps) {
        List<Row> rows = new ArrayList<>(List.of(
                Row.of(SummarySection.AT_A_GLANCE, "payout", null, "USD",
                        "Payout USD 1,250.00; prior period 2026-09 1,000.00, change +250.00", null,
                        new BigDecimal("1250.00"), new BigDecimal("1000.00"), new BigDecimal("250.00"))));
        for (int i = 1; i <= registerReps; i++) {
            // R001 earned 100.00, paid 90.00, 10.00 held back, paid 80.00 the period before: +10.00
            rows.add(Row.of(SummarySection.REGISTER, "R%03d".formatted(i), "R%03d, AE-2026 v1".formatted(i), "USD",
                    null, new BigDecimal("100.00"), new BigDecimal("90.00"), new BigDecimal("10.00"), BigDecimal.ZERO,
                    new BigDecimal("80.00"), new BigDecimal("10.00")));
        }
        rows.add(Row.of(SummarySection.TIES, "payroll_file", "Payouts (period) = the payroll file as written", "USD",
                null, new BigDecimal("1250.00"), new BigDecimal("1250.00"), new BigDecimal("0.00")));
        rows.add(Row.of(SummarySection.UNDELIVERED, "none", null, "", null));
        return rows;
    }

    @Test
    void theCsvHasOneColumnPerFigureAndPlainNumbers() {
        String csv = new String(CloseSummaryFiles.csv(rows(1)), StandardCharsets.UTF_8);

        assertThat(csv.lines()).containsExactly(
                "section,item,label,currency,count,amount,prior,change,earned,paid,held_back,to_recover,before,after,"
                        + "left,right,difference,detail",
                "At a glance,payout,,USD,,1250.00,1000.00,250.00,,,,,,,,,,\"Payout USD 1,250.00; prior period 2026-09 "
                        + "1,000.00, change +250.00\"",
                "Payroll register: rep and plan,R001,\"R001, AE-2026 v1\",USD,,,80.00,10.00,100.00,90.00,10.00,0.00,"
                        + ",,,,,",
                "\"Control ties, in the order the money flows\",payroll_file,Payouts (period) = the payroll file as "
                        + "written,USD,,,,,,,,,,,1250.00,1250.00,0.00,",
                "Statements not delivered,none,,,,,,,,,,,,,,,,");
    }

    @Test
    void thePdfSaysNoneForAnEmptySectionAndNumbersItsPages() {
        String text = Pdfs.text(FILES.pdf("Close of 2026-10", false, rows(1)));

        assertThat(text).contains("At a glance", "Payout USD 1,250.00; prior period 2026-09 1,000.00, change +250.00",
                "(period) Paid Held back To recover", "R001, AE-2026 v1 USD 100.00 90.00 10.00 0.00 80.00 10.00",
                "Payouts (period) = the payroll file as written USD 1,250.00 1,250.00 0.00")
                .contains("Page 1 of 2", "Page 2 of 2").doesNotContain("DRAFT");
        assertThat(text.replaceAll("\\s+", " ")).contains("Statements not delivered none");
    }

    @Test
    void aSectionHeaderIsNeverLeftAloneAtThePageFoot() {
        // the register fills the second page to near its foot: the ties' header goes to the next page with its row
        for (int reps = 40; reps <= 56; reps++) {
            String text = Pdfs.text(FILES.pdf("Close of 2026-10", false, rows(reps)));
            String[] pages = text.split("Page \\d+ of \\d+");
            for (String page : pages) {
                String trimmed = page.strip().replaceFirst("Close of 2026-10$", "").strip(); // less the footer
                assertThat(trimmed).as(reps + " reps").doesNotEndWith("Control ties, in the order the money flows")
                        .doesNotEndWith("Difference");
            }
        }
    }

    @Test
    void aDraftSaysSoOnEveryPage() {
        String text = Pdfs.text(FILES.pdf("Close of 2026-10", true, rows(60)));

        assertThat(text.split("DRAFT — not approved", -1).length - 1).as("twice a page: mark and footer")
                .isEqualTo(2 * (text.split("Page \\d+ of", -1).length - 1));
    }
}
