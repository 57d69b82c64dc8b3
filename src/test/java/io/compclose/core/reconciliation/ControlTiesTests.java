package io.compclose.core.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ControlTiesTests {

    private static ControlTotal total(String stage, String currency, long rows, String amount) {
        return new ControlTotal(stage, currency, rows, new BigDecimal(amount));
    }

    private static List<ControlTotal> recorded(String payrollUsd) {
        return List.of(total("bookings.csv:read", "", 10, "0"), total("bookings.csv:accepted", "", 7, "0"),
                total("bookings.csv:rejected", "", 2, "0"), total("bookings.csv:duplicate", "", 1, "0"),
                total("kpis.csv:read", "", 0, "0"), total("kpis.csv:accepted", "", 0, "0"),
                total("bookings.csv:acv_read", "USD", 9, "1000.00"), total("booked_acv", "USD", 7, "700.00"),
                total("bookings.csv:acv_rejected", "USD", 1, "200.00"),
                total("bookings.csv:acv_duplicate", "USD", 1, "100.00"),
                total("pay_lines", "USD", 3, "70.00"), total("payout", "USD", 3, "70.00"),
                total("payroll_file", "USD", 3, payrollUsd));
    }

    @Test
    void everyTieRecordedIsShownWithBothFiguresInTheOrderTheMoneyFlows() {
        List<ControlTies.Result> ties = ControlTies.of(recorded("70.00"));

        // 10 rows = 7 + 2 + 1; ACV 1000.00 = 700.00 + 200.00 + 100.00; pay lines 70.00 = payouts = the payroll
        // file; kpis.csv (no rows) and the ledgers and statements (not recorded) are left out
        assertThat(ties).extracting(t -> t.key() + " " + t.currency() + " " + t.left() + " = " + t.right()
                + " (" + t.difference() + ")").containsExactly("bookings.csv:rows  10 = 10 (0)",
                "bookings.csv:acv USD 1000.00 = 1000.00 (0.00)", "pay_lines_paid USD 70.00 = 70.00 (0.00)",
                "payroll_file USD 70.00 = 70.00 (0.00)");
        assertThat(ties.get(1).label()).isEqualTo("Bookings ACV read from bookings.csv = accepted + rejected "
                + "+ re-delivered");
        assertThat(ControlTies.breaks(ties)).isEmpty();
    }

    @Test
    void aBrokenTieNamesBothFiguresAndTheDifference() {
        List<ControlTies.Result> ties = ControlTies.of(recorded("69.90"));

        // 70.00 - 69.90 = 0.10
        assertThat(ties.get(3).holds()).isFalse();
        assertThat(ControlTies.breaks(ties)).containsExactly(
                "USD: Payouts (period) = the payroll file as written: 70.00 <> 69.90 (difference 0.10)");
    }

    @Test
    void controlTotalsAreLabelledInWords() {
        assertThat(ControlChain.label("bookings.csv:acv_read")).isEqualTo("Bookings ACV read from bookings.csv");
        assertThat(ControlChain.label("reps.csv:rejected")).isEqualTo("Rows rejected from reps.csv (see below)");
        assertThat(ControlChain.label("ledger_earned_to_date"))
                .isEqualTo("The reps' ledgers, earned to date (year to date)");
        assertThat(ControlChain.label("payout")).isEqualTo("Payouts by rep and earning code (period)");
    }
}
