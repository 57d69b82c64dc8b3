package io.compclose.web;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.cli.CloseHistory;
import io.compclose.cli.ServeProperties;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.reconciliation.ControlTies;
import io.compclose.reconciliation.ControlTotalRepository;
import io.compclose.system.Amounts;

/**
 * A period's control-total chain as finance checks it on the console: the ties the close summary prints
 * ({@link ControlTies} over the control totals the close recorded), in the order the money flows, each with both
 * figures and the difference.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PeriodTies {

    /** One tie in one currency as the page shows it; figures formatted, row counts without decimals. */
    public record Row(String stage, String label, String currency, String left, String right, String difference,
            boolean holds) {
    }

    /** @param closed false if no close of the period has run */
    public record Chain(PayPeriod period, boolean closed, List<Row> ties) {

        public long breaks() {
            return ties.stream().filter(t -> !t.holds()).count();
        }
    }

    private final ControlTotalRepository controlTotals;
    private final CloseHistory history;
    private final Path out;

    public PeriodTies(ControlTotalRepository controlTotals, CloseHistory history, ServeProperties serve) {
        this.controlTotals = controlTotals;
        this.history = history;
        this.out = serve.out().toAbsolutePath().normalize();
    }

    public Chain of(PayPeriod period) {
        List<Row> rows = ControlTies.of(controlTotals.totals(period.toString())).stream()
                .map(t -> new Row(stage(t.key()), t.label(), t.counts() ? "rows" : t.currency(),
                        figure(t.left(), t.counts()), figure(t.right(), t.counts()),
                        figure(t.difference(), t.counts()), t.holds()))
                .toList();
        return new Chain(period, history.latestExecution(period, out) != null, rows);
    }

    /** Where in the flow a tie sits: source → credit → earnings → pay → payroll file → statements. */
    static String stage(String key) {
        if (key.contains(":")) {
            return "Source";
        }
        return switch (key) {
            case "usage_delivered", "usage_replaced" -> "Usage";
            case "booked_credited" -> "Credit";
            case "earned_in_ledgers" -> "Earnings";
            case "pay_lines_in_ledgers", "pay_lines_paid" -> "Pay";
            case "payroll_file" -> "Payroll file";
            case "statements" -> "Statements";
            default -> key;
        };
    }

    private static String figure(BigDecimal value, boolean rows) {
        return rows ? value.toBigInteger().toString() : Amounts.format(value);
    }
}
