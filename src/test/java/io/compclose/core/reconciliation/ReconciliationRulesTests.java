package io.compclose.core.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.compclose.core.reconciliation.ControlSnapshot.FileRows;
import io.compclose.core.reconciliation.ControlSnapshot.Named;

/**
 * Each tie of the close on a snapshot made by hand: figures that tie (no break) and figures that do
 * not (the break as finance reads it, with both figures and the difference).
 */
class ReconciliationRulesTests {

    private static final Named NONE = new Named(0, List.of());

    /** A snapshot with only the figures a test sets; every other stage has no rows. */
    private static final class Figures {
        private final List<FileRows> files = new ArrayList<>();
        private final Map<String, SortedMap<String, ControlTotal>> stages = new LinkedHashMap<>();
        private final SortedMap<String, ControlTotal> adjustmentLines = new TreeMap<>();
        private Named shares = NONE;
        private Named uncalculated = NONE;
        private Named unsettled = NONE;

        Figures stage(String stage, String currency, long rows, String amount) {
            stages.computeIfAbsent(stage, s -> new TreeMap<>()).put(currency, total(stage, currency, rows, amount));
            return this;
        }

        Figures file(String file, long read, long accepted, long rejected, long duplicate, SourceFile amounts) {
            files.add(new FileRows(file, read, accepted, rejected, duplicate, amounts));
            return this;
        }

        ControlSnapshot snapshot() {
            return new ControlSnapshot("2026-10", files, stages, adjustmentLines, shares, uncalculated, unsettled);
        }
    }

    private static ControlTotal total(String stage, String currency, long rows, String amount) {
        return new ControlTotal(stage, currency, rows, new BigDecimal(amount));
    }

    private static SortedMap<String, ControlTotal> usd(String stage, long rows, String amount) {
        return new TreeMap<>(Map.of("USD", total(stage, "USD", rows, amount)));
    }

    @Test
    void everyFileReadAgainIsAcceptedRejectedOrReDelivered() {
        // reps: 14 = 12 + 2 + 0 ties; bookings: 90 + 7 + 2 = 99, one row short of the 100 read
        ControlSnapshot s = new Figures().file("reps.csv", 14, 12, 2, 0, null).file("bookings.csv", 100, 90, 7, 2, null)
                .snapshot();
        assertThat(ReconciliationRules.sourceRows(s))
                .containsExactly("bookings.csv: 100 rows read but 90 accepted + 7 rejected + 2 re-delivered = 99");
        assertThat(ReconciliationRules.sourceRows(new Figures().file("reps.csv", 14, 12, 2, 0, null).snapshot()))
                .isEmpty();
    }

    @Test
    void usageDeliveredIsTheUsageSummarisedInRowsAndRevenue() {
        // the database's 1000.0000 is the file's 1000.00: equal to the cent, in 5 rows both
        assertThat(ReconciliationRules.usageDelivered(new Figures().stage("usage_revenue", "USD", 5, "1000.00")
                .stage("usage_summarised_delivered", "USD", 5, "1000.0000").snapshot())).isEmpty();
        // 1,000.00 - 990.50 = 9.50 and one row (5 - 4) not summarised
        assertThat(ReconciliationRules.usageDelivered(new Figures().stage("usage_revenue", "USD", 5, "1000.00")
                .stage("usage_summarised_delivered", "USD", 4, "990.50").snapshot())).containsExactly(
                        "USD: usage delivered 1000.00 <> usage summarised 990.50 (difference 9.50)",
                        "USD: usage delivered 5 rows <> usage summarised 4 rows");
    }

    @Test
    void usageReplacedIsTheUsageSummarisedAsReplaced() {
        assertThat(ReconciliationRules.usageReplaced(new Figures().stage("usage_replaced", "EUR", 2, "30")
                .stage("usage_summarised_replaced", "EUR", 2, "30.00").snapshot())).isEmpty();
        // nothing summarised as replaced counts as 0 in 0 rows: 30.00 - 0.00 = 30.00, 2 rows <> 0
        assertThat(ReconciliationRules.usageReplaced(new Figures().stage("usage_replaced", "EUR", 2, "30")
                .snapshot())).containsExactly(
                        "EUR: usage replaced 30.00 <> usage summarised as replaced 0.00 (difference 30.00)",
                        "EUR: usage replaced 2 rows <> usage summarised as replaced 0 rows");
    }

    /** The bookings file read again: 3 USD rows of 1,500.00 in all, one of them (200.00) rejected. */
    private static SourceFile bookingsRead() {
        return new SourceFile(3, usd("bookings.csv:acv_read", 3, "1500.00"), usd("bookings.csv:acv_rejected", 1, "200.00"),
                Map.of());
    }

    @Test
    void theBookingsFilesAcvIsTheAcvAcceptedRejectedAndReDelivered() {
        // 1,300.00 accepted + 200.00 rejected + 0 re-delivered = 1,500.00 read
        assertThat(ReconciliationRules.bookingsRead(new Figures().file("bookings.csv", 3, 2, 1, 0, bookingsRead())
                .stage("booked_acv", "USD", 2, "1300.00").snapshot())).isEmpty();
        // 1,250.00 + 200.00 + 0.00 = 1,450.00; 1,500.00 - 1,450.00 = 50.00 not accounted for
        assertThat(ReconciliationRules.bookingsRead(new Figures().file("bookings.csv", 3, 2, 1, 0, bookingsRead())
                .stage("booked_acv", "USD", 2, "1250.00").snapshot())).containsExactly(
                        "USD: bookings.csv ACV read 1500.00 <> accepted 1250.00 + rejected 200.00 + re-delivered 0.00"
                                + " = 1450.00 (difference 50.00)");
    }

    @Test
    void bookedAcvIsThePrimaryCreditPlusWhatNoRuleCredited() {
        // USD 900.00 credited + 100.00 uncredited = 1,000.00 booked; EUR 500.00 all credited
        Figures tied = new Figures().stage("booked_acv", "EUR", 1, "500").stage("booked_acv", "USD", 2, "1000")
                .stage("credited_acv_booked_currency", "EUR", 1, "500").stage("credited_acv_booked_currency", "USD", 1, "900")
                .stage("uncredited_acv", "USD", 1, "100");
        assertThat(ReconciliationRules.bookedCredited(tied.snapshot())).isEmpty();
        // without the exception, USD 1,000.00 - 900.00 = 100.00 is neither credited nor an exception
        Figures lost = new Figures().stage("booked_acv", "EUR", 1, "500").stage("booked_acv", "USD", 2, "1000")
                .stage("credited_acv_booked_currency", "EUR", 1, "500").stage("credited_acv_booked_currency", "USD", 1, "900");
        assertThat(ReconciliationRules.bookedCredited(lost.snapshot()))
                .containsExactly("USD: booked ACV 1000.00 <> credited ACV + uncredited 900.00 (difference 100.00)");
    }

    @Test
    void earningLinesAreTheLedgersEarnedToDate() {
        assertThat(ReconciliationRules.earnedInLedgers(new Figures().stage("earning_lines", "USD", 4, "812.34")
                .stage("ledger_earned_to_date", "USD", 2, "812.34").snapshot())).isEmpty();
        // 812.34 - 812.30 = 0.04: a cent is a break
        assertThat(ReconciliationRules.earnedInLedgers(new Figures().stage("earning_lines", "USD", 4, "812.34")
                .stage("ledger_earned_to_date", "USD", 2, "812.30").snapshot()))
                .containsExactly("USD: earning lines 812.34 <> ledger earned-to-date 812.30 (difference 0.04)");
    }

    @Test
    void payLinesAreTheLedgersPayout() {
        assertThat(ReconciliationRules.payLinesInLedgers(new Figures().stage("pay_lines", "USD", 3, "700.00")
                .stage("ledger_payout", "USD", 2, "700").snapshot())).isEmpty();
        // 700.00 - 750.00 = -50.00: the ledgers pay more than the lines
        assertThat(ReconciliationRules.payLinesInLedgers(new Figures().stage("pay_lines", "USD", 3, "700.00")
                .stage("ledger_payout", "USD", 2, "750").snapshot()))
                .containsExactly("USD: pay lines 700.00 <> ledger payout 750.00 (difference -50.00)");
    }

    @Test
    void payLinesAreThePayouts() {
        assertThat(ReconciliationRules.payLinesPaid(new Figures().stage("pay_lines", "USD", 3, "700.00")
                .stage("payout", "USD", 2, "700.00").snapshot())).isEmpty();
        // a currency with pay lines and no payout: 12.00 - 0 = 12.00
        assertThat(ReconciliationRules.payLinesPaid(new Figures().stage("pay_lines", "USD", 3, "700.00")
                .stage("payout", "USD", 2, "700.00").stage("pay_lines", "GBP", 1, "12").snapshot()))
                .containsExactly("GBP: pay lines 12.00 <> payouts 0.00 (difference 12.00)");
    }

    @Test
    void theAdjustmentsFilesAmountsAreTheAmountsAcceptedRejectedAndReDelivered() {
        // read again: 2 USD rows, 150.00 in all, one of them (50.00) an identical re-delivery
        SourceFile read = new SourceFile(2, usd("adjustments.csv:amount_read", 2, "150.00"), Map.of(),
                usd("adjustments.csv:amount_duplicate", 1, "50.00"));
        // 100.00 accepted + 0 rejected + 50.00 re-delivered = 150.00
        assertThat(ReconciliationRules.adjustmentsRead(new Figures().file("adjustments.csv", 2, 1, 0, 1, read)
                .stage("adjustments", "USD", 1, "100.00").snapshot())).isEmpty();
        // with nothing accepted: 0 + 0 + 50.00 = 50.00; 150.00 - 50.00 = 100.00
        assertThat(ReconciliationRules.adjustmentsRead(new Figures().file("adjustments.csv", 2, 1, 0, 1, read)
                .snapshot())).containsExactly("USD: adjustments.csv amount read 150.00 <> accepted 0.00 + rejected 0.00"
                        + " + re-delivered 50.00 = 50.00 (difference 100.00)");
    }

    @Test
    void everyAdjustmentIsPaidOnce() {
        Figures paid = new Figures().stage("adjustments", "USD", 2, "-25.50");
        paid.adjustmentLines.put("USD", total("adjustment_lines", "USD", 2, "-25.50"));
        assertThat(ReconciliationRules.adjustmentsPaid(paid.snapshot())).isEmpty();
        // paid twice: -25.50 - (-51.00) = 25.50
        Figures twice = new Figures().stage("adjustments", "USD", 2, "-25.50");
        twice.adjustmentLines.put("USD", total("adjustment_lines", "USD", 4, "-51.00"));
        assertThat(ReconciliationRules.adjustmentsPaid(twice.snapshot()))
                .containsExactly("USD: adjustments -25.50 <> adjustment pay lines -51.00 (difference 25.50)");
    }

    @Test
    void everyCreditedBookingsPrimarySharesTotalOneHundredPercent() {
        assertThat(ReconciliationRules.sharesWhole(new Figures().snapshot())).isEmpty();
        Figures split = new Figures();
        split.shares = new Named(3, List.of("B1 90 %", "B2 150 %"));
        assertThat(ReconciliationRules.sharesWhole(split.snapshot())).containsExactly(
                "3 booking(s) whose primary credit shares do not total 100 %: B1 90 %, B2 150 % and 1 more");
    }

    @Test
    void everyCreditHasAnEarningLine() {
        assertThat(ReconciliationRules.creditsCalculated(new Figures().snapshot())).isEmpty();
        Figures missing = new Figures();
        missing.uncalculated = new Named(1, List.of("B7 to R002 (1200.00 USD)"));
        assertThat(ReconciliationRules.creditsCalculated(missing.snapshot()))
                .containsExactly("1 credit(s) without an earning line: B7 to R002 (1200.00 USD)");
    }

    @Test
    void everyActiveRepHasACalculation() {
        assertThat(ReconciliationRules.repsCalculated(new Figures().snapshot())).isEmpty();
        Figures missing = new Figures();
        missing.unsettled = new Named(2, List.of("R004", "R009"));
        assertThat(ReconciliationRules.repsCalculated(missing.snapshot()))
                .containsExactly("2 active rep(s) without a calculation: R004, R009");
    }

    @Test
    void theBreaksComeInTheOrderOfTheChain() {
        // a file short a row (12 + 1 + 0 = 13 of 14), a cent lost between pay lines and payouts
        // (700.00 - 699.99 = 0.01), one rep not calculated
        Figures s = new Figures().file("reps.csv", 14, 12, 1, 0, null).file("bookings.csv", 3, 2, 1, 0, bookingsRead())
                .file("adjustments.csv", 0, 0, 0, 0, new SourceFile(0, Map.of(), Map.of(), Map.of()))
                .stage("booked_acv", "USD", 2, "1300.00").stage("credited_acv_booked_currency", "USD", 2, "1300.00")
                .stage("pay_lines", "USD", 3, "700.00").stage("ledger_payout", "USD", 2, "700.00")
                .stage("payout", "USD", 2, "699.99");
        s.unsettled = new Named(1, List.of("R004"));
        assertThat(ReconciliationRules.breaks(s.snapshot())).containsExactly(
                "reps.csv: 14 rows read but 12 accepted + 1 rejected + 0 re-delivered = 13",
                "USD: pay lines 700.00 <> payouts 699.99 (difference 0.01)",
                "1 active rep(s) without a calculation: R004");
    }

    @Test
    void theTotalsRecordedAreEachFilesRowsAndAmountsThenTheStagesButNotTheAdjustmentLines() {
        Figures s = new Figures().file("bookings.csv", 3, 2, 1, 0, bookingsRead()).file("reps.csv", 14, 14, 0, 0, null)
                .stage("booked_acv", "USD", 2, "1300.00").stage("adjustments", "USD", 1, "5");
        s.adjustmentLines.put("USD", total("adjustment_lines", "USD", 1, "5"));
        assertThat(s.snapshot().recorded()).extracting(t -> t.stage() + " " + t.currency() + " " + t.rows() + " "
                + t.amount()).containsExactly("bookings.csv:read  3 0", "bookings.csv:accepted  2 0",
                        "bookings.csv:rejected  1 0", "bookings.csv:duplicate  0 0", "bookings.csv:acv_read USD 3 1500.00",
                        "bookings.csv:acv_rejected USD 1 200.00", "reps.csv:read  14 0", "reps.csv:accepted  14 0",
                        "reps.csv:rejected  0 0", "reps.csv:duplicate  0 0", "booked_acv USD 2 1300.00",
                        "adjustments USD 1 5");
    }
}
