package io.compclose.payout;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The columns of a payroll file over the payout rows. The generic layout is the export of
 * outputs.md; a configured one (an ADP-style earnings import, say) maps the same rows to the
 * columns another payroll system imports.
 *
 * @param name     the layout's name, in its file name ({@code payroll-2026-10.adp.csv}); null for the generic
 * @param currency the one pay currency this payroll takes, or null when a column carries the currency
 */
public record PayrollLayout(String name, String currency, List<PayrollColumn> columns) {

    public static final PayrollLayout GENERIC = new PayrollLayout(null, null, List.of(
            PayrollColumn.of("employee_id", PayrollField.EMPLOYEE_ID),
            PayrollColumn.of("rep_id", PayrollField.REP_ID),
            PayrollColumn.of("pay_period", PayrollField.PAY_PERIOD),
            PayrollColumn.of("earning_code", PayrollField.EARNING_CODE),
            PayrollColumn.of("amount", PayrollField.AMOUNT),
            PayrollColumn.of("currency", PayrollField.CURRENCY)));

    public PayrollLayout {
        columns = List.copyOf(columns);
        if (columnOf(columns, PayrollField.AMOUNT) < 0) {
            throw new IllegalArgumentException("a payroll layout needs an amount column");
        }
        if (currency == null && columnOf(columns, PayrollField.CURRENCY) < 0) {
            throw new IllegalArgumentException("a payroll layout without a currency column takes one currency");
        }
    }

    /** {@code payroll-2026-10} for the generic layout, {@code payroll-2026-10.adp} for the layout adp. */
    public String fileName(String baseName) {
        return name == null ? baseName : baseName + "." + name;
    }

    /** Whether a row belongs in this payroll: every row, or those paid in the layout's currency. */
    public boolean takes(PayoutRow row) {
        return currency == null || currency.equals(row.currency());
    }

    public List<String> headers() {
        return columns.stream().map(PayrollColumn::header).toList();
    }

    public int amountColumn() {
        return columnOf(columns, PayrollField.AMOUNT);
    }

    /** The column with the currency, or -1 when the layout takes one currency. */
    public int currencyColumn() {
        return columnOf(columns, PayrollField.CURRENCY);
    }

    private static int columnOf(List<PayrollColumn> columns, PayrollField field) {
        return IntStream.range(0, columns.size()).filter(i -> columns.get(i).field() == field).findFirst().orElse(-1);
    }
}
