package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.money.Money;

/** The part of a period's commission due to late inputs, named as an adjustment; the total never changes. */
class LateCorrectionTests {

    private static final List<LateCorrection.Item> LATE = List.of(
            new LateCorrection.Item("K5", "2026-10", "booked late, on 2026-10-28"),
            new LateCorrection.Item("K1", "2026-09", "corrected (replaces the delivery of 2026-09)"));

    private static PayLine commission(String amount) {
        return new PayLine(EarningCode.COMMISSION, usd(amount), "earned to date 4500.00 − paid 3000.00");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static List<String> shown(List<PayLine> lines) {
        return lines.stream().map(l -> l.code() + " " + l.amount().amount().toPlainString() + " " + l.why()
                + (l.reference() == null ? "" : " [" + l.reference() + "]")).toList();
    }

    @Test
    void aPositiveDifferenceMovesOutOfTheCommissionLine() {
        List<PayLine> lines = List.of(commission("1500.00"), new PayLine(EarningCode.SPIFF, usd("100.00"),
                "spiff"));
        assertThat(shown(LateCorrection.split(lines, usd("1000.004"), LATE))).containsExactly(
                "COMMISSION 500.00 earned to date 4500.00 − paid 3000.00; of which 1000.00 is paid below as a correction",
                "ADJUSTMENT 1000.00 correction for locked 2026-09: K1 corrected (replaces the delivery of 2026-09). "
                        + "correction for locked 2026-10: K5 booked late, on 2026-10-28 [corrects:2026-09,2026-10]",
                "SPIFF 100.00 spiff");
    }

    @Test
    void aDifferenceAboveWhatThePeriodPaysIsNamedOnlyUpToIt() {
        // caps or a balance carried left 300.00 of commission: that is what the correction paid now
        assertThat(shown(LateCorrection.split(List.of(commission("300.00")), usd("1000"), LATE)))
                .containsExactly("ADJUSTMENT 300.00 correction for locked 2026-09: K1 corrected (replaces the delivery "
                        + "of 2026-09). correction for locked 2026-10: K5 booked late, on 2026-10-28 "
                        + "[corrects:2026-09,2026-10]");
    }

    @Test
    void aNegativeDifferenceShowsWhatThePeriodWouldHavePaidWithoutIt() {
        assertThat(shown(LateCorrection.split(List.of(commission("1000.00")), usd("-3000"), LATE.subList(0, 1))))
                .containsExactly("COMMISSION 4000.00 earned to date 4500.00 − paid 3000.00; a correction of 3000.00 is "
                                + "deducted below",
                        "ADJUSTMENT -3000.00 correction for locked 2026-10: K5 booked late, on 2026-10-28 "
                                + "[corrects:2026-10]");
    }

    @Test
    void withNoCommissionPaidTheDifferenceStaysInTheBalanceCarried() {
        List<PayLine> none = List.of(new PayLine(EarningCode.DRAW, usd("500.00"), "draw"));
        assertThat(LateCorrection.split(none, usd("-200"), LATE)).isSameAs(none);
        assertThat(LateCorrection.split(List.of(commission("10.00")), usd("0"), LATE)).hasSize(1);
    }
}
