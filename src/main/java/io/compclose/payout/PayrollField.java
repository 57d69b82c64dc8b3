package io.compclose.payout;

import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import io.compclose.core.plan.PayPeriod;

/**
 * What a payroll layout's column can show of a payout row: its own fields and the dates of its pay
 * period. The names are those of the generic file's header, as a layout file writes them.
 */
public enum PayrollField {
    EMPLOYEE_ID, REP_ID, PAY_PERIOD, PERIOD_START, PERIOD_END, EARNING_CODE, AMOUNT, CURRENCY;

    /** {@code employee_id}: how a layout file names the field. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PayrollField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }

    /** The pay period and its first and last day, which a layout may format as payroll wants dates. */
    public boolean isDate() {
        return this == PAY_PERIOD || this == PERIOD_START || this == PERIOD_END;
    }

    /** The row's value as text; the amount with its two decimals. */
    String text(PayoutRow row, PayPeriod period) {
        return switch (this) {
            case EMPLOYEE_ID -> row.employeeId();
            case REP_ID -> row.repId();
            case PAY_PERIOD -> row.payPeriod();
            case PERIOD_START -> period.start().toString();
            case PERIOD_END -> period.end().toString();
            case EARNING_CODE -> row.earningCode();
            case AMOUNT -> PayrollFile.amount(row).toPlainString();
            case CURRENCY -> row.currency();
        };
    }

    /** The date fields as a temporal value, for a configured date format. */
    TemporalAccessor date(PayPeriod period) {
        return switch (this) {
            // a month is its year and month; a shorter period is named by its last day
            case PAY_PERIOD -> period.isMonth() ? period.month() : period.end();
            case PERIOD_START -> period.start();
            case PERIOD_END -> period.end();
            default -> throw new IllegalStateException(this + " is not a date");
        };
    }
}
