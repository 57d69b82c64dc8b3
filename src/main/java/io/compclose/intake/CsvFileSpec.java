package io.compclose.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract of one inbox file: its name, whether it must exist, its columns, and the most
 * characters each text column holds (the width of the database column it is stored in).
 */
public record CsvFileSpec(String fileName, boolean required, List<String> requiredColumns,
        List<String> optionalColumns, Map<String, Integer> widths) {

    private static final int ID = 64;

    /** The free-text columns: a note that may span lines (see {@link #problem}). */
    private static final Set<String> FREE_TEXT = Set.of("reason");

    public static final CsvFileSpec REPS = new CsvFileSpec("reps.csv", true,
            List.of("rep_id", "employee_id", "name", "email", "role", "plan_id", "pay_currency", "effective_from"),
            List.of("manager_id", "team", "effective_to"),
            Map.of("rep_id", ID, "employee_id", ID, "name", 200, "email", 320, "manager_id", ID, "team", 100,
                    "plan_id", ID));

    public static final CsvFileSpec BOOKINGS = new CsvFileSpec("bookings.csv", true,
            List.of("booking_id", "booked_on", "account_id", "owner_rep_id", "type", "product", "acv", "currency"),
            List.of("account_name", "tcv", "term_months", "sourced_by_rep_id", "bundle_id"),
            Map.of("booking_id", ID, "account_id", ID, "account_name", 200, "owner_rep_id", ID, "product", ID,
                    "sourced_by_rep_id", ID, "bundle_id", ID));

    public static final CsvFileSpec SPLITS = new CsvFileSpec("splits.csv", false,
            List.of("booking_id", "rep_id", "percent"), List.of("role"),
            Map.of("booking_id", ID, "rep_id", ID, "role", 32));

    public static final CsvFileSpec CANCELLATIONS = new CsvFileSpec("cancellations.csv", false,
            List.of("cancellation_id", "booking_id", "cancelled_on"), List.of("reason"),
            Map.of("cancellation_id", ID, "booking_id", ID, "reason", 500));

    /** A metric is stored with a four-character prefix (KPI: or MBO:). */
    public static final CsvFileSpec KPIS = new CsvFileSpec("kpis.csv", false,
            List.of("rep_id", "period", "metric", "value"), List.of(),
            Map.of("rep_id", ID, "metric", 96));

    public static final CsvFileSpec ACTIVITIES = new CsvFileSpec("activities.csv", false,
            List.of("activity_id", "rep_id", "activity_date", "type"), List.of("count"),
            Map.of("activity_id", ID, "rep_id", ID, "type", 100));

    public static final CsvFileSpec FX_RATES = new CsvFileSpec("fx_rates.csv", false,
            List.of("currency", "rate_to_usd", "period"), List.of(), Map.of());

    public static final CsvFileSpec ACCOUNT_OWNERS = new CsvFileSpec("account_owners.csv", false,
            List.of("account_id", "rep_id", "role", "effective_from"), List.of("effective_to"),
            Map.of("account_id", ID, "rep_id", ID));

    public static final CsvFileSpec USAGE = new CsvFileSpec("usage.csv", false,
            List.of("usage_id", "account_id", "product", "usage_month", "revenue", "currency"),
            List.of("quantity", "unit"),
            Map.of("usage_id", ID, "account_id", ID, "product", ID, "unit", 32));

    public static final CsvFileSpec ADJUSTMENTS = new CsvFileSpec("adjustments.csv", false,
            List.of("adjustment_id", "rep_id", "amount", "currency", "reason", "approved_by"), List.of(),
            Map.of("adjustment_id", ID, "rep_id", ID, "reason", 500, "approved_by", 128));

    public boolean knows(String column) {
        return requiredColumns.contains(column) || optionalColumns.contains(column);
    }

    /**
     * The first cell, in the row's order, longer than its column holds (as it would be stored: without
     * surrounding spaces), or holding a control character, or null. Such a row is rejected by column,
     * rather than failing the load or carrying a line break or NUL into an email, a PDF or payroll.
     */
    public CsvRow.Problem problem(Map<String, String> values) {
        for (Map.Entry<String, String> cell : values.entrySet()) {
            Integer width = widths.get(cell.getKey());
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            if (width != null && value.length() > width) {
                return new CsvRow.Problem(cell.getKey(), "longer than the " + width + " characters this column holds ("
                        + value.length() + ")", value);
            }
            int control = knows(cell.getKey()) ? controlCharacter(cell.getKey(), value) : -1;
            if (control >= 0) {
                return new CsvRow.Problem(cell.getKey(), "contains the control character "
                        + describe(value.charAt(control)) + (FREE_TEXT.contains(cell.getKey())
                                ? ": a reason may span lines and hold tabs, but no other control character; remove it"
                                : ": this column is one line of printable text; remove it"), visible(value));
            }
        }
        return null;
    }

    /**
     * Where the first control character of a cell is, or -1. A reason (cancellations.csv, adjustments.csv)
     * is the one free-text note of the contract: quoted, it may span lines and hold tabs. Everything else
     * (names, ids, emails, codes) is one line of printable text.
     */
    private static int controlCharacter(String column, String value) {
        boolean freeText = FREE_TEXT.contains(column);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(freeText && (c == '\n' || c == '\r' || c == '\t'))) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        return switch (c) {
            case '\n' -> code + " (line feed)";
            case '\r' -> code + " (carriage return)";
            case '\t' -> code + " (tab)";
            case '\0' -> code + " (NUL)";
            default -> code;
        };
    }

    /** The cell as rejects.csv shows it: each control character as its code, so the reject stays one line. */
    private static String visible(String value) {
        StringBuilder shown = new StringBuilder(value.length() + 8);
        value.chars().forEach(c -> shown.append(Character.isISOControl(c) ? String.format("<U+%04X>", c)
                : String.valueOf((char) c)));
        return shown.toString();
    }
}
