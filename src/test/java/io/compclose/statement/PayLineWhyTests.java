package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.plan.PayPeriod;

class PayLineWhyTests {

    @Test
    void aCorrectionDeductedBelowIsAddedBackToTheCommissionItsReasonExplains() {
        // 100,978.32 − 99,319.42 = 1,658.90; the 800.00 correction is deducted on its own line,
        // so the commission line pays 1,658.90 + 800.00 = 2,458.90
        StatementPayLine line = new StatementPayLine("COMMISSION",
                "earned to date 100978.32 − paid 99319.42; a correction of 800.00 is deducted below",
                new BigDecimal("2458.90"));

        assertThat(PayLineWhy.of(line, document(List.of()))).isEqualTo("earned to date 100,978.32 − paid 99,319.42 "
                + "= 1,658.90, + 800.00 deducted below as a correction = 2,458.90 EUR");
    }

    @Test
    void aCorrectionPaidBelowAndThePeriodCapAreTakenOut() {
        // 12,000.00 − 2,000.00 = 10,000.00; the period cap of 6,000 removes 4,000.00; of the 6,000.00 left,
        // 1,000.00 is paid below as a correction: 5,000.00
        StatementPayLine line = new StatementPayLine("COMMISSION",
                "earned to date 12000.00 − paid 2000.00; of which 1000.00 is paid below as a correction",
                new BigDecimal("5000.00"));
        StatementCap cap = new StatementCap("period", new BigDecimal("6000.00"), new BigDecimal("4000.00"));

        assertThat(PayLineWhy.of(line, document(List.of(cap)))).isEqualTo("earned to date 12,000.00 − paid 2,000.00 "
                + "= 10,000.00, − 4,000.00 over the period cap, − 1,000.00 paid below as a correction = 5,000.00 EUR");
    }

    @Test
    void theAcceleratorPaidOnItsOwnLineIsTakenOutAndOneNoLongerEarnedIsAddedBack() {
        // R001's November: 70,381.95 − 58,081.95 = 12,300.00, of which 1,320.00 (22,000 × (15 % − 9 %)) is ACCELERATOR
        StatementPayLine paid = new StatementPayLine("COMMISSION", "earned to date 70381.95 − paid 58081.95; of which "
                + "1320.00 is paid as ACCELERATOR", new BigDecimal("10980.00"));
        assertThat(PayLineWhy.of(paid, document(List.of()))).isEqualTo("earned to date 70,381.95 − paid 58,081.95 "
                + "= 12,300.00, − 1,320.00 paid as ACCELERATOR = 10,980.00 EUR");
        StatementPayLine back = new StatementPayLine("COMMISSION", "earned to date 6000.00 − paid 2300.00; with "
                + "1320.00 paid as ACCELERATOR before, no longer earned above quota", new BigDecimal("5020.00"));
        assertThat(PayLineWhy.of(back, document(List.of()))).isEqualTo("earned to date 6,000.00 − paid 2,300.00 "
                + "= 3,700.00, + 1,320.00 paid as ACCELERATOR before, no longer earned above quota = 5,020.00 EUR");
    }

    @Test
    void aDifferenceItCannotNameIsStillShown() {
        StatementPayLine line = new StatementPayLine("COMMISSION", "earned to date 3000.00 − paid 1000.00",
                new BigDecimal("1500.00"));

        assertThat(PayLineWhy.of(line, document(List.of()))).isEqualTo("earned to date 3,000.00 − paid 1,000.00 "
                + "= 2,000.00, − 500.00 on the other lines of this settlement = 1,500.00 EUR");
    }

    @Test
    void otherReasonsKeepTheirWordsWithTheirAmountsGrouped() {
        StatementPayLine clawback = new StatementPayLine("CLAWBACK", "clawback of O2 (commission 2500.00 paid in "
                + "2026-10)", new BigDecimal("-2500.00"));
        StatementPayLine draw = new StatementPayLine("DRAW", "recoverable draw: advance up to 2500.00, 12.50 % of 999.99",
                new BigDecimal("500.00"));

        assertThat(PayLineWhy.of(clawback, document(List.of())))
                .isEqualTo("clawback of O2 (commission 2,500.00 paid in 2026-10)");
        assertThat(PayLineWhy.of(draw, document(List.of())))
                .isEqualTo("recoverable draw: advance up to 2,500.00, 12.50 % of 999.99");
    }

    private static StatementDocument document(List<StatementCap> caps) {
        return new StatementDocument(PayPeriod.of(YearMonth.of(2026, 11)), "R1", "E1", "Rae", "AE", "AE-2026", "AE", List.of(), "EUR",
                List.of(), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, "", YearToDate.NONE, List.of(),
                caps, List.of(), List.of(), List.of(), null);
    }
}
