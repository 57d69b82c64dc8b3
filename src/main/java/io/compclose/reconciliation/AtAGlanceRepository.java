package io.compclose.reconciliation;

import io.compclose.core.reconciliation.ControlTies;
import io.compclose.core.reconciliation.ControlTotal;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.reconciliation.CloseSummaryRepository.Row;
import io.compclose.system.Amounts;

/**
 * The summary's first page, one sentence a line, for a controller to read in a minute: the payout per
 * currency against the prior closed period, reps paid and at zero, each file's rejected share, the
 * exceptions and who approved them, and whether every control tie holds.
 */
record AtAGlanceRepository(JdbcTemplate jdbc) {

    private static final SummarySection SECTION = SummarySection.AT_A_GLANCE;

    List<Row> rows(String period, int revision, String prior, List<ControlTotal> totals,
            List<ControlTies.Result> ties) {
        List<Row> rows = new ArrayList<>(payout(period, prior));
        rows.addAll(reps(period));
        rows.addAll(rejected(totals));
        rows.add(exceptions(period, revision));
        rows.add(ties(ties));
        return rows;
    }

    private List<Row> payout(String period, String prior) {
        Map<String, BigDecimal> now = payoutByCurrency(period);
        Map<String, BigDecimal> before = prior == null ? Map.of() : payoutByCurrency(prior);
        TreeSet<String> currencies = new TreeSet<>(now.keySet());
        currencies.addAll(before.keySet());
        List<Row> rows = new ArrayList<>();
        for (String currency : currencies) {
            BigDecimal amount = now.getOrDefault(currency, BigDecimal.ZERO);
            if (prior == null) {
                rows.add(Row.of(SECTION, "payout", null, currency, "Payout " + currency + " " + Amounts.format(amount)
                        + "; no prior period", null, amount, null, null));
                continue;
            }
            BigDecimal was = before.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal change = amount.subtract(was);
            rows.add(Row.of(SECTION, "payout", null, currency, "Payout " + currency + " " + Amounts.format(amount)
                    + "; prior period " + prior + " " + Amounts.format(was) + ", change " + (change.signum() > 0 ? "+" : "")
                    + Amounts.format(change), null, amount, was, change));
        }
        return rows.isEmpty() ? List.of(Row.of(SECTION, "payout", null, "", "No payout", null, null, null, null))
                : rows;
    }

    private Map<String, BigDecimal> payoutByCurrency(String period) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        jdbc.query("SELECT currency, SUM(amount) FROM payout WHERE pay_period = ? GROUP BY currency",
                rs -> {
                    amounts.put(rs.getString(1), rs.getBigDecimal(2));
                }, period);
        return amounts;
    }

    /** Reps with a ledger this period: paid (a payout other than zero) and at zero, named. */
    private List<Row> reps(String period) {
        List<String> atZero = new ArrayList<>();
        long[] paid = {0};
        jdbc.query("SELECT rep_id, payout FROM rep_ledger WHERE pay_period = ? ORDER BY rep_id", rs -> {
            if (rs.getBigDecimal(2).signum() == 0) {
                atZero.add(rs.getString(1));
            } else {
                paid[0]++;
            }
        }, period);
        return List.of(Row.of(SECTION, "reps_paid", null, "", paid[0] + " reps paid", paid[0], null, null, null),
                Row.of(SECTION, "reps_at_zero", null, "", atZero.size() + " reps at zero"
                        + (atZero.isEmpty() ? "" : ": " + String.join(", ", atZero)), (long) atZero.size(), null, null,
                        null));
    }

    /** Per file with rejected rows: "bookings.csv 11 of 100 rows rejected (11.0 %)". */
    private static List<Row> rejected(List<ControlTotal> totals) {
        Map<String, long[]> files = new TreeMap<>();
        for (ControlTotal t : totals) {
            int colon = t.stage().indexOf(':');
            String what = colon < 0 ? "" : t.stage().substring(colon + 1);
            if (what.equals("read") || what.equals("rejected")) {
                files.computeIfAbsent(t.stage().substring(0, colon), f -> new long[2])[what.equals("read") ? 0 : 1]
                        = t.rows();
            }
        }
        List<Row> rows = new ArrayList<>();
        files.forEach((file, n) -> {
            if (n[1] > 0) {
                rows.add(Row.of(SECTION, "rejected:" + file, null, "", String.format(Locale.US,
                        "%s %d of %d rows rejected (%.1f %%)", file, n[1], n[0], 100.0 * n[1] / n[0]), n[1], null,
                        null, null));
            }
        });
        return rows.isEmpty() ? List.of(Row.of(SECTION, "rejected", null, "", "No input rows rejected", 0L, null,
                null, null)) : rows;
    }

    private Row exceptions(String period, int revision) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM review_exception WHERE pay_period = ? AND revision = ?",
                Long.class, period, revision);
        long n = count == null ? 0 : count;
        String approval = jdbc.query("""
                SELECT approved_by, approved_at FROM close_approval WHERE pay_period = ? AND revision = ?
                """, rs -> rs.next() ? "approved by " + rs.getString(1) + " on " + rs.getTimestamp(2).toLocalDateTime()
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) : null, period, revision);
        String text = n == 0 ? "No exceptions for review" : n + " exception(s) for review, "
                + (approval == null ? "not approved" : approval);
        return Row.of(SECTION, "exceptions", null, "", text, n, null, null, null);
    }

    private static Row ties(List<ControlTies.Result> ties) {
        List<String> breaks = ControlTies.breaks(ties);
        String text = breaks.isEmpty() ? "Control totals: all " + ties.size() + " ties hold"
                : "Control totals: " + breaks.size() + " of " + ties.size() + " ties broken: " + String.join("; ", breaks);
        return Row.of(SECTION, "ties", null, "", text, (long) breaks.size(), null, null, null);
    }
}
