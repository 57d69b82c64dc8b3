package io.compclose.payout;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.compclose.core.plan.PayPeriod;
import io.compclose.system.SpreadsheetSafe;

/**
 * One column of a payroll layout: its header, and what it shows of each row: a field of the row
 * (a date field in the layout's format, the earning code through the layout's code table) or a
 * constant. Every text cell is neutralised against formula injection; the amount stays a number.
 *
 * @param field    the row's field shown, or null for a constant
 * @param constant the same text on every row, or null
 * @param format   how a date field is written, or null for ISO (2026-10, 2026-10-31)
 * @param codes    payroll's code for each earning code, or null to write CompClose's own
 */
public record PayrollColumn(String header, PayrollField field, String constant, DateTimeFormatter format,
        Map<String, String> codes) {

    public static PayrollColumn of(String header, PayrollField field) {
        return new PayrollColumn(header, field, null, null, null);
    }

    /** @param period the period the row pays, whose first and last days a date field shows */
    public String cell(PayoutRow row, PayPeriod period) {
        if (field == PayrollField.AMOUNT) {
            return field.text(row, period);
        }
        return SpreadsheetSafe.text(text(row, period));
    }

    private String text(PayoutRow row, PayPeriod period) {
        if (field == null) {
            return constant;
        }
        if (format != null) {
            return format.format(field.date(period));
        }
        String value = field.text(row, period);
        if (codes == null) {
            return value;
        }
        String code = codes.get(value);
        if (code == null) {
            // the layout file is checked for every earning code before the close starts
            throw new IllegalStateException("column " + header + " has no code for " + value);
        }
        return code;
    }
}
