package io.compclose.core.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.compclose.core.reconciliation.ControlSnapshot.FileRows;
import io.compclose.core.reconciliation.ControlSnapshot.Named;

/** The ties of the close as plain functions of the snapshot, one per hand-off, to the cent and per currency. */
public final class ReconciliationRules {

    /**
     * Source rows first, then the money from booked to paid, then what must be whole (shares, earning
     * lines, ledgers); this is also the order of the breaks in the message finance reads.
     */
    static final List<TieRule> CHAIN = List.of(ReconciliationRules::sourceRows, ReconciliationRules::usageDelivered,
            ReconciliationRules::usageReplaced, ReconciliationRules::bookingsRead, ReconciliationRules::bookedCredited,
            ReconciliationRules::earnedInLedgers, ReconciliationRules::payLinesInLedgers,
            ReconciliationRules::payLinesPaid, ReconciliationRules::adjustmentsRead, ReconciliationRules::adjustmentsPaid,
            ReconciliationRules::sharesWhole, ReconciliationRules::creditsCalculated, ReconciliationRules::repsCalculated);

    private ReconciliationRules() {
    }

    public static List<String> breaks(ControlSnapshot snapshot) {
        return CHAIN.stream().flatMap(rule -> rule.check(snapshot).stream()).toList();
    }

    /** Every file: rows read again = accepted + rejected + re-delivered. */
    static List<String> sourceRows(ControlSnapshot s) {
        List<String> breaks = new ArrayList<>();
        for (FileRows f : s.files()) {
            long kept = f.accepted() + f.rejected() + f.duplicate();
            if (f.read() != kept) {
                breaks.add(f.file() + ": " + f.read() + " rows read but " + f.accepted() + " accepted + " + f.rejected()
                        + " rejected + " + f.duplicate() + " re-delivered = " + kept);
            }
        }
        return breaks;
    }

    /** The usage the calculation reads (summarised by account) is every row delivered... */
    static List<String> usageDelivered(ControlSnapshot s) {
        return tieRowsAndAmounts("usage delivered", s.stage("usage_revenue"), "usage summarised",
                s.stage("usage_summarised_delivered"));
    }

    /** ...less the earlier deliveries they replace. */
    static List<String> usageReplaced(ControlSnapshot s) {
        return tieRowsAndAmounts("usage replaced", s.stage("usage_replaced"), "usage summarised as replaced",
                s.stage("usage_summarised_replaced"));
    }

    /** The bookings file's ACV = ACV accepted + rejected + re-delivered. */
    static List<String> bookingsRead(ControlSnapshot s) {
        return amountsRead(s, "bookings.csv", " ACV", "booked_acv");
    }

    /** Booked ACV = primary credit + ACV no rule credited, in the booking currency. */
    static List<String> bookedCredited(ControlSnapshot s) {
        Map<String, BigDecimal> credited = amounts(s.stage("credited_acv_booked_currency"));
        amounts(s.stage("uncredited_acv")).forEach((currency, amount) -> credited.merge(currency, amount, BigDecimal::add));
        return broken("booked ACV", amounts(s.stage("booked_acv")), "credited ACV + uncredited", credited);
    }

    static List<String> earnedInLedgers(ControlSnapshot s) {
        return tie(s, "earning lines", "earning_lines", "ledger earned-to-date", "ledger_earned_to_date");
    }

    static List<String> payLinesInLedgers(ControlSnapshot s) {
        return tie(s, "pay lines", "pay_lines", "ledger payout", "ledger_payout");
    }

    static List<String> payLinesPaid(ControlSnapshot s) {
        return tie(s, "pay lines", "pay_lines", "payouts", "payout");
    }

    /** The adjustments file's amounts = amounts accepted + rejected + re-delivered. */
    static List<String> adjustmentsRead(ControlSnapshot s) {
        return amountsRead(s, "adjustments.csv", " amount", "adjustments");
    }

    /** Every accepted adjustment, of the file or of an inquiry, is paid, once. */
    static List<String> adjustmentsPaid(ControlSnapshot s) {
        Map<String, BigDecimal> accepted = amounts(s.stage("adjustments"));
        amounts(s.stage("inquiry_adjustments")).forEach((currency, amount) -> accepted.merge(currency, amount,
                BigDecimal::add));
        return broken("adjustments", accepted, "adjustment pay lines", amounts(s.adjustmentLines()));
    }

    static List<String> sharesWhole(ControlSnapshot s) {
        return named(s.unbalancedShares(), " booking(s) whose primary credit shares do not total 100 %: ");
    }

    static List<String> creditsCalculated(ControlSnapshot s) {
        return named(s.uncalculated(), " credit(s) without an earning line: ");
    }

    static List<String> repsCalculated(ControlSnapshot s) {
        return named(s.unsettled(), " active rep(s) without a calculation: ");
    }

    private static List<String> amountsRead(ControlSnapshot s, String file, String what, String acceptedStage) {
        return s.file(file).amounts().againstAccepted(file + what, s.stage(acceptedStage))
                .stream().map(Tie::toString).toList();
    }

    private static List<String> named(Named found, String what) {
        return found.count() > 0 ? List.of(found.count() + what + found) : List.of();
    }

    private static List<String> tie(ControlSnapshot s, String leftName, String leftStage, String rightName,
            String rightStage) {
        return broken(leftName, amounts(s.stage(leftStage)), rightName, amounts(s.stage(rightStage)));
    }

    private static List<String> broken(String leftName, Map<String, BigDecimal> left, String rightName,
            Map<String, BigDecimal> right) {
        return Tie.broken(leftName, left, rightName, right).stream().map(Tie::toString).toList();
    }

    private static Map<String, BigDecimal> amounts(Map<String, ControlTotal> totals) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        totals.forEach((currency, total) -> amounts.put(currency, ControlSnapshot.amountOrZero(total)));
        return amounts;
    }

    /** Amounts and rows both, per currency (missing is zero). */
    private static List<String> tieRowsAndAmounts(String leftName, Map<String, ControlTotal> left, String rightName,
            Map<String, ControlTotal> right) {
        List<String> breaks = new ArrayList<>(broken(leftName, amounts(left), rightName, amounts(right)));
        TreeSet<String> currencies = new TreeSet<>(left.keySet());
        currencies.addAll(right.keySet());
        for (String currency : currencies) {
            long a = left.containsKey(currency) ? left.get(currency).rows() : 0;
            long b = right.containsKey(currency) ? right.get(currency).rows() : 0;
            if (a != b) {
                breaks.add(currency + ": " + leftName + " " + a + " rows <> " + rightName + " " + b + " rows");
            }
        }
        return breaks;
    }
}
