package io.compclose.core.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ties of the close as finance reads them in the close summary: each named by a key, labelled in
 * words, both figures and the difference per currency, in the order the money flows, worked out from the
 * control totals as recorded. A tie one of whose sides was not recorded (no payroll file yet in a
 * draft) is left out rather than shown broken.
 */
public final class ControlTies {

    /** One tie in one currency ('' for row counts): left must equal right. */
    public record Result(String key, String label, String currency, BigDecimal left, BigDecimal right) {

        public BigDecimal difference() {
            return left.subtract(right);
        }

        public boolean holds() {
            return difference().signum() == 0;
        }

        /** Row counts have no currency. */
        public boolean counts() {
            return currency.isEmpty();
        }
    }

    /** The left stage must equal the sum of the right stages; {@code %s} in a stage or label is the file. */
    private record Definition(String key, String label, String left, List<String> right, boolean rows) {
    }

    private static final List<Definition> PER_FILE = List.of(
            new Definition("%s:rows", "Rows read from %s = accepted + rejected + re-delivered", "%s:read",
                    List.of("%s:accepted", "%s:rejected", "%s:duplicate"), true));

    private static final Map<String, Definition> FILE_AMOUNTS = Map.of(
            "bookings.csv", new Definition("bookings.csv:acv", "Bookings ACV read from bookings.csv = accepted "
                    + "+ rejected + re-delivered", "bookings.csv:acv_read",
                    List.of("booked_acv", "bookings.csv:acv_rejected", "bookings.csv:acv_duplicate"), false),
            "adjustments.csv", new Definition("adjustments.csv:amount", "Adjustment amounts read from adjustments.csv "
                    + "= accepted + rejected + re-delivered", "adjustments.csv:amount_read",
                    List.of("adjustments", "adjustments.csv:amount_rejected", "adjustments.csv:amount_duplicate"), false));

    /** After the files: booked to paid, then paid to what left the close. */
    private static final List<Definition> MONEY = List.of(
            new Definition("usage_delivered", "Usage revenue delivered = usage summarised by account",
                    "usage_revenue", List.of("usage_summarised_delivered"), false),
            new Definition("usage_replaced", "Usage replaced = usage summarised as replaced", "usage_replaced",
                    List.of("usage_summarised_replaced"), false),
            new Definition("booked_credited", "ACV booked (period) = ACV credited + ACV no rule credited, "
                    + "booking currency", "booked_acv", List.of("credited_acv_booked_currency", "uncredited_acv"), false),
            new Definition("earned_in_ledgers", "Commission earned, earning lines (year to date) = the reps' "
                    + "ledgers, earned to date", "earning_lines", List.of("ledger_earned_to_date"), false),
            new Definition("pay_lines_in_ledgers", "Pay lines (period) = the reps' ledgers, payout",
                    "pay_lines", List.of("ledger_payout"), false),
            new Definition("pay_lines_paid", "Pay lines (period) = payouts by rep and earning code", "pay_lines",
                    List.of("payout"), false),
            new Definition("payroll_file", "Payouts (period) = the payroll file as written", "payout",
                    List.of("payroll_file"), false),
            new Definition("statements", "The payroll file = the statements as rendered", "payroll_file",
                    List.of("statements"), false));

    private ControlTies() {
    }

    /** Every tie the recorded totals allow, held or broken, in flow order: files by name, then the money. */
    public static List<Result> of(List<ControlTotal> recorded) {
        Map<String, Map<String, ControlTotal>> stages = new TreeMap<>();
        recorded.forEach(t -> stages.computeIfAbsent(t.stage(), s -> new TreeMap<>()).put(t.currency(), t));
        TreeSet<String> files = new TreeSet<>();
        recorded.stream().map(ControlTotal::stage).filter(s -> s.endsWith(":read")).forEach(s -> files.add(
                s.substring(0, s.indexOf(':'))));
        List<Result> ties = new ArrayList<>();
        for (String file : files) {
            for (Definition d : PER_FILE) {
                ties.addAll(check(d, file, stages));
            }
            if (FILE_AMOUNTS.containsKey(file)) {
                ties.addAll(check(FILE_AMOUNTS.get(file), file, stages));
            }
        }
        MONEY.forEach(d -> ties.addAll(check(d, "", stages)));
        return ties;
    }

    /** The ties that do not hold, as one line each; none when all hold. */
    public static List<String> breaks(List<Result> ties) {
        return ties.stream().filter(t -> !t.holds()).map(t -> (t.counts() ? "" : t.currency() + ": ") + t.label()
                + ": " + Tie.figure(t.left()) + " <> " + Tie.figure(t.right()) + " (difference "
                + Tie.figure(t.difference()) + ")").toList();
    }

    private static List<Result> check(Definition d, String file, Map<String, Map<String, ControlTotal>> stages) {
        String left = d.left().formatted(file);
        List<String> right = d.right().stream().map(s -> s.formatted(file)).toList();
        if (!stages.containsKey(left) || right.stream().noneMatch(stages::containsKey)) {
            return List.of();
        }
        TreeSet<String> currencies = new TreeSet<>(stages.get(left).keySet());
        right.forEach(s -> currencies.addAll(stages.getOrDefault(s, Map.of()).keySet()));
        List<Result> results = new ArrayList<>();
        for (String currency : currencies) {
            BigDecimal r = right.stream().map(s -> figure(stages.get(s), currency, d.rows()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal l = figure(stages.get(left), currency, d.rows());
            if (d.rows() && l.signum() == 0 && r.signum() == 0) {
                continue; // a file not delivered this period: nothing to tie
            }
            results.add(new Result(d.key().formatted(file), d.label().formatted(file), currency, l, r));
        }
        return results;
    }

    private static BigDecimal figure(Map<String, ControlTotal> stage, String currency, boolean rows) {
        ControlTotal total = stage == null ? null : stage.get(currency);
        return total == null ? BigDecimal.ZERO : rows ? BigDecimal.valueOf(total.rows()) : total.amount();
    }
}
