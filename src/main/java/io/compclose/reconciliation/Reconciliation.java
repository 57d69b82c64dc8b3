package io.compclose.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import io.compclose.intake.CsvFileSpec;
import io.compclose.intake.CsvRowReader;
import io.compclose.intake.ExtractRowReader;
import io.compclose.intake.IntakeRepository;
import io.compclose.system.CloseRun;
import io.compclose.system.ExtractProperties;

/**
 * Ties the close together before anything leaves it, per currency and to the cent: source rows =
 * accepted + rejected + re-delivered for every file, counted again from the files independently of
 * intake, and for the files that carry money (bookings' ACV, adjustments' amounts) the same of their
 * amounts; booked ACV = primary credited ACV + ACV no rule credited (the exceptions), per booking
 * currency (before conversion into pay currencies, which are recorded beside it), with every credited
 * booking's primary shares summing to 100 %; every credit has an earning line and every active rep a
 * calculation; earning lines = the ledgers' earned-to-date; pay lines (after caps, holdback, clawbacks,
 * draws and the true-up) = the ledgers' payout = payouts; adjustments = their pay lines. Usage delivered
 * and the period's usage of accounts no one owns are recorded for review. Each break names what does
 * not tie and the figures. The hand-offs after this one tie back to what it recorded: the payroll file
 * to these payouts ({@code exportPayroll}), the statements to the payroll file ({@code renderStatements},
 * {@code deliverStatements}).
 */
@Component
public class Reconciliation {

    private final ControlTotalRepository figures;
    private final ExtractProperties extract;

    public Reconciliation(ControlTotalRepository figures, ExtractProperties extract) {
        this.figures = figures;
        this.extract = extract;
    }

    /** Stores the control totals and returns them; throws with every break found. */
    public List<ControlTotal> reconcile(CloseRun run) {
        String period = run.periodKey();
        List<ControlTotal> totals = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        // counting the usage file again is the JVM's work and the queries below the database's: on two
        // cores the count runs beside them instead of before them
        CompletableFuture<Long> usageRead = CompletableFuture.supplyAsync(() -> rowsRead(run, CsvFileSpec.USAGE));

        sourceRows(run, CsvFileSpec.REPS, accepted("rep_assignment", period), totals, breaks);
        SourceFile bookings = sourceRowsAndAmounts(run, CsvFileSpec.BOOKINGS, "acv", accepted("booking", period),
                totals, breaks);
        sourceRows(run, CsvFileSpec.SPLITS, accepted("booking_split", period), totals, breaks);
        sourceRows(run, CsvFileSpec.CANCELLATIONS, accepted("cancellation", period), totals, breaks);
        sourceRows(run, CsvFileSpec.FX_RATES, accepted("fx_rate", period), totals, breaks);
        sourceRows(run, CsvFileSpec.ACCOUNT_OWNERS, accepted("account_owner", period), totals, breaks);
        // usage is measured, not paid line by line: shown so finance sees what arrived and what no one owns;
        // its rows per currency are also the rows accepted, so the 5M rows are read once, not twice
        Map<String, ControlTotal> usage = figures.byCurrency("usage_revenue", "billed_usage", "revenue", period);
        tieRows(period, CsvFileSpec.USAGE.fileName(), joined(usageRead),
                usage.values().stream().mapToLong(ControlTotal::rows).sum(), totals, breaks);
        SourceFile adjustments = sourceRowsAndAmounts(run, CsvFileSpec.ADJUSTMENTS, "amount",
                accepted("adjustment", period), totals, breaks);
        for (CsvFileSpec figureFile : List.of(CsvFileSpec.KPIS, CsvFileSpec.ACTIVITIES)) {
            sourceRows(run, figureFile, figures.count("""
                    SELECT COUNT(*) FROM rep_figure WHERE pay_period = ? AND source_file = ?
                    """, period, figureFile.fileName()), totals, breaks);
        }

        Map<String, ControlTotal> booked = figures.byCurrency("booked_acv", "booking", "acv", period);
        Map<String, ControlTotal> credited = figures.primaryCredit(period);
        Map<String, ControlTotal> uncredited = figures.byCurrency("uncredited_acv", "credit_exception", "amount",
                period);
        Map<String, ControlTotal> creditedPay = figures.byCurrency("credited_acv", "credit", "amount", period);
        Map<String, ControlTotal> earned = figures.byCurrency("earning_lines", "earning_line", "amount", period);
        Map<String, ControlTotal> ledgerEarned = figures.byCurrency("ledger_earned_to_date", "rep_ledger",
                "earned_to_date", period);
        Map<String, ControlTotal> payLines = figures.byCurrency("pay_lines", "pay_line", "amount", period);
        Map<String, ControlTotal> ledgerPayout = figures.byCurrency("ledger_payout", "rep_ledger", "payout", period);
        Map<String, ControlTotal> paid = figures.byCurrency("payout", "payout", "amount", period);
        Map<String, ControlTotal> unowned = figures.unownedUsage(run.period());
        Map<String, ControlTotal> summarised = figures.summarisedUsage(period, "DELIVERED");
        Map<String, ControlTotal> replaced = figures.replacedUsage(period);
        Map<String, ControlTotal> summarisedReplaced = figures.summarisedUsage(period, "REPLACED");
        for (Map<String, ControlTotal> stage : List.of(booked, credited, uncredited, creditedPay, earned, ledgerEarned,
                payLines, ledgerPayout, paid, usage, unowned, summarised, replaced, summarisedReplaced)) {
            totals.addAll(stage.values());
        }
        // the usage the calculation reads (summarised by account) is every row delivered, less what they replace
        tieRowsAndAmounts("usage delivered", usage, "usage summarised", summarised, breaks);
        tieRowsAndAmounts("usage replaced", replaced, "usage summarised as replaced", summarisedReplaced, breaks);
        bookings.againstAccepted(CsvFileSpec.BOOKINGS.fileName() + " ACV", booked)
                .forEach(t -> breaks.add(t.toString()));
        tie("booked ACV", booked, "credited ACV + uncredited", plus(credited, uncredited), breaks);
        tie("earning lines", earned, "ledger earned-to-date", ledgerEarned, breaks);
        tie("pay lines", payLines, "ledger payout", ledgerPayout, breaks);
        tie("pay lines", payLines, "payouts", paid, breaks);
        // every accepted adjustment is paid, once
        Map<String, ControlTotal> adjusted = figures.byCurrency("adjustments", "adjustment", "amount", period);
        Map<String, ControlTotal> adjustmentLines = figures.adjustmentLines(period);
        totals.addAll(adjusted.values());
        adjustments.againstAccepted(CsvFileSpec.ADJUSTMENTS.fileName() + " amount", adjusted)
                .forEach(t -> breaks.add(t.toString()));
        tie("adjustments", adjusted, "adjustment pay lines", adjustmentLines, breaks);

        ControlTotalRepository.Named badShares = figures.named("""
                SELECT b.booking_id, COALESCE(SUM(c.credit_share), 0) FROM booking b
                LEFT JOIN credit c ON c.pay_period = b.pay_period AND c.booking_id = b.booking_id
                    AND c.credit_kind = 'PRIMARY'
                WHERE b.pay_period = ? AND NOT EXISTS (SELECT 1 FROM credit_exception x
                    WHERE x.pay_period = b.pay_period AND x.booking_id = b.booking_id)
                GROUP BY b.booking_id HAVING COALESCE(SUM(c.credit_share), 0) <> 1 ORDER BY b.booking_id
                """, (rs, i) -> rs.getString(1) + " " + percent(rs.getBigDecimal(2)) + " %", period);
        if (badShares.count() > 0) {
            breaks.add(badShares.count() + " booking(s) whose primary credit shares do not total 100 %: " + badShares);
        }
        // one probe per credit of the index on (rep, source, period, kind): named, because right after the
        // calculation MariaDB's statistics may not know earning_line has grown, and it then walks each
        // credit's rep through the primary key instead (45 s, not 2, at 474,000 credits); H2 reads the
        // hint as a comment
        ControlTotalRepository.Named uncalculated = figures.named("""
                SELECT c.booking_id, c.rep_id, c.amount, c.currency FROM credit c WHERE c.pay_period = ?
                AND NOT EXISTS (SELECT 1 FROM earning_line e /*! FORCE INDEX (ix_earning_line_source) */
                    WHERE e.pay_period = c.pay_period AND e.rep_id = c.rep_id
                    AND e.source_id = c.booking_id AND e.line_kind IN ('TRANSACTION', 'NOT_COUNTED'))
                ORDER BY c.booking_id, c.rep_id
                """, (rs, i) -> rs.getString(1) + " to " + rs.getString(2) + " (" + Tie.figure(rs.getBigDecimal(3))
                + " " + rs.getString(4) + ")", period);
        if (uncalculated.count() > 0) {
            breaks.add(uncalculated.count() + " credit(s) without an earning line: " + uncalculated);
        }
        Object[] active = IntakeRepository.activeRepsArgs(run.period());
        ControlTotalRepository.Named unsettled = figures.named("SELECT a.rep_id FROM ("
                + IntakeRepository.activeRepsSql() + """
                ) a WHERE NOT EXISTS (SELECT 1 FROM rep_ledger l WHERE l.pay_period = ? AND l.rep_id = a.rep_id)
                ORDER BY a.rep_id
                """, (rs, i) -> rs.getString(1), active[0], active[1], active[2], period);
        if (unsettled.count() > 0) {
            breaks.add(unsettled.count() + " active rep(s) without a calculation: " + unsettled);
        }
        figures.save(period, totals);
        if (!breaks.isEmpty()) {
            throw new ReconciliationException(period, breaks);
        }
        return totals;
    }

    /** Rows a table holds for the period; the table name is one of this class's literals, never input. */
    private long accepted(String table, String period) {
        return figures.count("SELECT COUNT(*) FROM " + table + " WHERE pay_period = ?", period);
    }

    private void sourceRows(CloseRun run, CsvFileSpec spec, long accepted, List<ControlTotal> totals,
            List<String> breaks) {
        tieRows(run.periodKey(), spec.fileName(), rowsRead(run, spec), accepted, totals, breaks);
    }

    /** The rows of a file, or of the query standing in for it, counted again. */
    private long rowsRead(CloseRun run, CsvFileSpec spec) {
        return ExtractRowReader.queryFor(extract, spec).map(sql -> ExtractRowReader.count(extract, sql))
                .orElseGet(() -> countRecords(run, spec));
    }

    /** A count made on another thread, its failure thrown as if made on this one. */
    private static long joined(CompletableFuture<Long> count) {
        try {
            return count.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A file that carries money is read row by row: its rows, and its amounts per currency, to tie. */
    private SourceFile sourceRowsAndAmounts(CloseRun run, CsvFileSpec spec, String amountColumn, long accepted,
            List<ControlTotal> totals, List<String> breaks) {
        String file = spec.fileName();
        SourceFile source = SourceFile.read(ExtractRowReader.of(extract, run.inbox(), spec), file, amountColumn,
                figures.notAccepted(run.periodKey(), file));
        tieRows(run.periodKey(), file, source.rows(), accepted, totals, breaks);
        for (Map<String, ControlTotal> amounts : List.of(source.read(), source.rejected(), source.duplicate())) {
            totals.addAll(amounts.values());
        }
        return source;
    }

    private void tieRows(String period, String file, long read, long accepted, List<ControlTotal> totals,
            List<String> breaks) {
        long rejected = figures.rejects(period, file, "REJECTED");
        long duplicates = figures.rejects(period, file, "DUPLICATE");
        totals.add(new ControlTotal(file + ":read", "", read, BigDecimal.ZERO));
        totals.add(new ControlTotal(file + ":accepted", "", accepted, BigDecimal.ZERO));
        totals.add(new ControlTotal(file + ":rejected", "", rejected, BigDecimal.ZERO));
        totals.add(new ControlTotal(file + ":duplicate", "", duplicates, BigDecimal.ZERO));
        if (read != accepted + rejected + duplicates) {
            breaks.add(file + ": " + read + " rows read but " + accepted + " accepted + " + rejected
                    + " rejected + " + duplicates + " re-delivered = " + (accepted + rejected + duplicates));
        }
    }

    /** A share as a percentage: 1.5 is 150. */
    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static long countRecords(CloseRun run, CsvFileSpec spec) {
        CsvRowReader reader = new CsvRowReader(run.inbox(), spec);
        reader.setSaveState(false);
        reader.open(new ExecutionContext());
        try {
            return reader.countRemaining();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the rows of " + spec.fileName() + ": " + e.getMessage(), e);
        } finally {
            reader.close();
        }
    }

    private static void tie(String leftName, Map<String, ControlTotal> left, String rightName,
            Map<String, ControlTotal> right, List<String> breaks) {
        Tie.broken(leftName, amounts(left), rightName, amounts(right)).forEach(tie -> breaks.add(tie.toString()));
    }

    private static Map<String, BigDecimal> amounts(Map<String, ControlTotal> totals) {
        Map<String, BigDecimal> amounts = new java.util.TreeMap<>();
        totals.forEach((currency, total) -> amounts.put(currency, ControlTotalRepository.amountOrZero(total)));
        return amounts;
    }

    private static void tieRowsAndAmounts(String leftName, Map<String, ControlTotal> left, String rightName,
            Map<String, ControlTotal> right, List<String> breaks) {
        tie(leftName, left, rightName, right, breaks);
        for (String currency : union(left, right)) {
            long a = left.containsKey(currency) ? left.get(currency).rows() : 0;
            long b = right.containsKey(currency) ? right.get(currency).rows() : 0;
            if (a != b) {
                breaks.add(currency + ": " + leftName + " " + a + " rows <> " + rightName + " " + b + " rows");
            }
        }
    }

    /** Two stages added per currency, as one figure to tie against. */
    private static Map<String, ControlTotal> plus(Map<String, ControlTotal> a, Map<String, ControlTotal> b) {
        Map<String, ControlTotal> sum = new java.util.TreeMap<>();
        for (String currency : union(a, b)) {
            ControlTotal x = a.get(currency);
            ControlTotal y = b.get(currency);
            sum.put(currency, new ControlTotal("sum", currency, (x == null ? 0 : x.rows()) + (y == null ? 0 : y.rows()),
                    ControlTotalRepository.amountOrZero(x).add(ControlTotalRepository.amountOrZero(y))));
        }
        return sum;
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
