package io.compclose.intake;

import java.util.List;

/** The contract of one inbox file: its name, whether it must exist, and its columns. */
public record CsvFileSpec(String fileName, boolean required, List<String> requiredColumns,
        List<String> optionalColumns) {

    public static final CsvFileSpec REPS = new CsvFileSpec("reps.csv", true,
            List.of("rep_id", "employee_id", "name", "email", "role", "plan_id", "pay_currency", "effective_from"),
            List.of("manager_id", "team", "effective_to"));

    public static final CsvFileSpec BOOKINGS = new CsvFileSpec("bookings.csv", true,
            List.of("booking_id", "booked_on", "account_id", "owner_rep_id", "type", "product", "acv", "currency"),
            List.of("account_name", "tcv", "term_months", "sourced_by_rep_id", "bundle_id"));

    public static final CsvFileSpec SPLITS = new CsvFileSpec("splits.csv", false,
            List.of("booking_id", "rep_id", "percent"), List.of("role"));

    public static final CsvFileSpec CANCELLATIONS = new CsvFileSpec("cancellations.csv", false,
            List.of("cancellation_id", "booking_id", "cancelled_on"), List.of("reason"));

    public static final CsvFileSpec KPIS = new CsvFileSpec("kpis.csv", false,
            List.of("rep_id", "period", "metric", "value"), List.of());

    public static final CsvFileSpec ACTIVITIES = new CsvFileSpec("activities.csv", false,
            List.of("activity_id", "rep_id", "activity_date", "type"), List.of("count"));

    public static final CsvFileSpec FX_RATES = new CsvFileSpec("fx_rates.csv", false,
            List.of("currency", "rate_to_usd", "period"), List.of());

    public static final CsvFileSpec ACCOUNT_OWNERS = new CsvFileSpec("account_owners.csv", false,
            List.of("account_id", "rep_id", "role", "effective_from"), List.of("effective_to"));

    public static final CsvFileSpec USAGE = new CsvFileSpec("usage.csv", false,
            List.of("usage_id", "account_id", "product", "usage_month", "revenue", "currency"),
            List.of("quantity", "unit"));

    public static final CsvFileSpec ADJUSTMENTS = new CsvFileSpec("adjustments.csv", false,
            List.of("adjustment_id", "rep_id", "amount", "currency", "reason", "approved_by"), List.of());

    public boolean knows(String column) {
        return requiredColumns.contains(column) || optionalColumns.contains(column);
    }
}
