package io.compclose.payout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which payouts the payroll file carries: every row that pays or takes something, and every row of a rep
 * whose net pay in a currency is zero. A clawback recovered from the period's pay and carried forward
 * leaves such a rep with a CLAWBACK row of 0.00 (the clawback less the part carried); without it the rep
 * would vanish from payroll in the very period their pay was taken back.
 */
final class PayrollRows {

    private PayrollRows() {
    }

    /** {@code payouts} less the zero rows of reps paid something net, in the order given. */
    static List<PayoutRow> payable(List<PayoutRow> payouts) {
        record RepCurrency(String repId, String currency) {
        }
        Map<RepCurrency, BigDecimal> net = payouts.stream().collect(Collectors.groupingBy(
                row -> new RepCurrency(row.repId(), row.currency()),
                Collectors.reducing(BigDecimal.ZERO, PayoutRow::amount, BigDecimal::add)));
        return payouts.stream().filter(row -> row.amount().signum() != 0
                || net.get(new RepCurrency(row.repId(), row.currency())).signum() == 0).toList();
    }
}
