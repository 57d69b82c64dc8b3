package io.compclose.intake;

import static io.compclose.intake.CsvColumn.Type.AMOUNT;
import static io.compclose.intake.CsvColumn.Type.COUNT;
import static io.compclose.intake.CsvColumn.Type.CURRENCY;
import static io.compclose.intake.CsvColumn.Type.DATE;
import static io.compclose.intake.CsvColumn.Type.DECIMAL;
import static io.compclose.intake.CsvColumn.Type.EMAIL;
import static io.compclose.intake.CsvColumn.Type.MONTH;
import static io.compclose.intake.CsvColumn.Type.MONTH_OR_YEAR;
import static io.compclose.intake.CsvColumn.Type.PERIOD;
import static io.compclose.intake.CsvColumn.Type.TEXT;
import static io.compclose.intake.CsvColumn.Type.WHOLE;
import static io.compclose.intake.CsvColumn.choice;
import static io.compclose.intake.CsvColumn.column;
import static io.compclose.intake.CsvColumn.optionalColumn;

import io.compclose.core.input.BookingType;
import io.compclose.core.input.DealAttribute;
import io.compclose.core.input.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract of one inbox file: its name, whether it must exist, what it holds, its columns (see
 * {@link CsvColumn}) and the rules its validator checks across columns and rows. jobs/inputs.md is
 * generated from these ({@link InputContract}); the reader checks the header and the widths by them.
 */
public record CsvFileSpec(String fileName, boolean required, String description, List<CsvColumn> columns,
        List<String> rules) {

    private static final int ID = 64;
    private static final String NOT_NEGATIVE = "not negative";

    /** The free-text columns: a note that may span lines (see {@link #problem}). */
    private static final Set<String> FREE_TEXT = Set.of("reason");

    public static final CsvFileSpec REPS = new CsvFileSpec("reps.csv", true,
            "the roster, effective-dated: one row per rep and assignment period", List.of(
                    column("rep_id", TEXT, ID, "stable id of the rep", "R001", RosterValidator.REP_ID_RULE),
                    column("employee_id", TEXT, ID, "payroll's id", "E1001", "belongs to one rep only"),
                    column("name", TEXT, 200, "the rep's name", "Ana Silva", ""),
                    column("email", EMAIL, 320, "where the statement goes", "ana.silva@example.com", ""),
                    choice("role", Role.class, "the rep's role", "AE"),
                    optionalColumn("manager_id", TEXT, ID, "rep_id of the manager", "M001",
                            "no one manages themselves, directly or through others"),
                    optionalColumn("team", TEXT, 100, "team name", "West", ""),
                    column("plan_id", TEXT, ID, "plan assigned in this period", "AE-2026",
                            "a plan a file in plans/ defines"),
                    column("pay_currency", CURRENCY, 0, "the currency the rep is paid in", "USD", ""),
                    column("effective_from", DATE, 0, "first day of the assignment", "2026-01-01", ""),
                    optionalColumn("effective_to", DATE, 0, "last day of the assignment, inclusive; empty = open",
                            "2026-12-31", "not before effective_from")),
            List.of("a rep's assignments do not overlap; the same rep and effective_from with other values is "
                    + "rejected"));

    public static final CsvFileSpec BOOKINGS = new CsvFileSpec("bookings.csv", true,
            "closed-won CRM opportunities", List.of(
                    column("booking_id", TEXT, ID, "CRM id", "B-1001", ""),
                    column("booked_on", DATE, 0, "close date", "2026-10-14",
                            "in the pay period, or in a locked earlier period of the plan year (paid late)"),
                    column("account_id", TEXT, ID, "the customer's id", "A-200", ""),
                    optionalColumn("account_name", TEXT, 200, "the customer's name", "Acme Corp", ""),
                    column("owner_rep_id", TEXT, ID, "the rep who owns the opportunity", "R001",
                            "a rep on the roster on booked_on, whose plan has a version effective then"),
                    choice("type", BookingType.class, "kind of booking", "NEW"),
                    column("product", TEXT, ID, "product or service code", "PLATFORM", ""),
                    column("acv", AMOUNT, 0, "annual contract value", "120000.00", NOT_NEGATIVE),
                    optionalColumn("tcv", AMOUNT, 0, "total contract value", "360000.00", NOT_NEGATIVE),
                    optionalColumn("term_months", COUNT, 0, "contract term in months; empty = 12", "36", ""),
                    column("currency", CURRENCY, 0, "currency of acv and tcv", "USD",
                            "other than the owner's pay currency: both need a rate in fx_rates.csv "
                                    + "(the base currency needs none)"),
                    optionalColumn("sourced_by_rep_id", TEXT, ID, "SDR or marketing rep who sourced the lead", "R005",
                            "a rep on the roster"),
                    optionalColumn("bundle_id", TEXT, ID, "bookings sharing a bundle_id were sold together", "BU-7",
                            ""),
                    attribute(DealAttribute.GROSS_MARGIN_PCT, DECIMAL, "gross margin of the deal, in percent; "
                            + "plan conditions read it as grossMarginPct (empty = not given)", "32.5"),
                    attribute(DealAttribute.DISCOUNT_PCT, DECIMAL, "discount off list price, in percent; "
                            + "plan conditions read it as discountPct (empty = not given)", "15"),
                    attribute(DealAttribute.PAYMENT_TERMS_DAYS, WHOLE, "days the customer has to pay; "
                            + "plan conditions read it as paymentTermsDays (empty = not given)", "30")),
            List.of("a booking_id delivered in an earlier period with other values corrects it from this period on; "
                    + "with the same values it is rejected"));

    public static final CsvFileSpec SPLITS = new CsvFileSpec("splits.csv", false,
            "split credit; without rows for a booking its owner gets 100 %", List.of(
                    column("booking_id", TEXT, ID, "the booking split", "B-1001",
                            "a booking accepted in this period"),
                    column("rep_id", TEXT, ID, "a rep credited with a part", "R002",
                            "a rep on the roster on the booking date"),
                    column("percent", DECIMAL, 0, "the rep's part, in percent", "40", "above 0, at most 100"),
                    optionalColumn("role", TEXT, 32, "the rep's part in the deal", "OVERLAY", "")),
            List.of("the percents of a booking total 100, else it is not credited and shown for review"));

    public static final CsvFileSpec CANCELLATIONS = new CsvFileSpec("cancellations.csv", false,
            "cancelled bookings: they drive clawbacks", List.of(
                    column("cancellation_id", TEXT, ID, "id of the cancellation", "C-1", ""),
                    column("booking_id", TEXT, ID, "the booking cancelled", "B-0950",
                            "accepted in this or an earlier period; cancelled once"),
                    column("cancelled_on", DATE, 0, "the day it was cancelled", "2026-10-20",
                            "in the pay period, not before the booking date"),
                    optionalColumn("reason", TEXT, 500, "why; may span lines when quoted", "contract ended early",
                            "")),
            List.of());

    /** A metric is stored with a four-character prefix (KPI: or MBO:). */
    public static final CsvFileSpec KPIS = new CsvFileSpec("kpis.csv", false,
            "rep measures: KPIs and MBO scores", List.of(
                    column("rep_id", TEXT, ID, "the rep measured", "R003", "a rep on the roster"),
                    column("period", PERIOD, 0, "the period measured", "2026-Q3",
                            "of the pay period's plan year, begun by the pay period's end"),
                    column("metric", TEXT, 96, "e.g. NRR, RENEWAL_RATE, CSAT; an MBO score as MBO:objective", "NRR", ""),
                    column("value", DECIMAL, 0, "the figure", "1.08", "an MBO score is between 0 and 1")),
            List.of("the same rep, period and metric with another value is rejected"));

    public static final CsvFileSpec ACTIVITIES = new CsvFileSpec("activities.csv", false,
            "counted sales activities", List.of(
                    column("activity_id", TEXT, ID, "id of the activity", "ACT-1", ""),
                    column("rep_id", TEXT, ID, "the rep who did it", "R005", "a rep on the roster"),
                    column("activity_date", DATE, 0, "when", "2026-10-03", "in the pay period"),
                    column("type", TEXT, 100, "e.g. DISCOVERY_MEETING, FOLLOW_UP", "DISCOVERY_MEETING", ""),
                    optionalColumn("count", COUNT, 0, "how many; empty = 1", "3", "")),
            List.of());

    public static final CsvFileSpec FX_RATES = new CsvFileSpec("fx_rates.csv", false,
            "exchange rates into the base currency (USD unless configured)", List.of(
                    column("currency", CURRENCY, 0, "the currency priced", "EUR", "not the base currency"),
                    column("rate_to_usd", DECIMAL, 0, "base currency units for one unit of currency", "1.0850",
                            "above 0; a rate an earlier close used is not changed"),
                    column("period", MONTH, 0, "the month the rate is for", "2026-10",
                            "not after the pay period")),
            List.of());

    public static final CsvFileSpec ACCOUNT_OWNERS = new CsvFileSpec("account_owners.csv", false,
            "who owns an account's usage and retention", List.of(
                    column("account_id", TEXT, ID, "the account", "A-200", ""),
                    column("rep_id", TEXT, ID, "its owner", "R007", "a rep on the roster"),
                    choice("role", Role.class, "the owner's role on the account", "CSM"),
                    column("effective_from", DATE, 0, "first day owned", "2026-01-01", ""),
                    optionalColumn("effective_to", DATE, 0, "last day owned, inclusive; empty = open", "2026-12-31",
                            "not before effective_from")),
            List.of("one owner per account and role on any day"));

    public static final CsvFileSpec USAGE = new CsvFileSpec("usage.csv", false,
            "billed consumption", List.of(
                    column("usage_id", TEXT, ID, "id of the billed line", "U-1", ""),
                    column("account_id", TEXT, ID, "the account billed", "A-200", ""),
                    column("product", TEXT, ID, "product code", "API-CALLS", ""),
                    column("usage_month", MONTH, 0, "the month consumed", "2026-10",
                            "not after the pay period, at most 24 months before it"),
                    optionalColumn("quantity", DECIMAL, 0, "units consumed", "125000", NOT_NEGATIVE),
                    optionalColumn("unit", TEXT, 32, "what quantity counts", "calls", ""),
                    column("revenue", AMOUNT, 0, "billed amount", "1250.00",
                            NOT_NEGATIVE + " (credit notes go in adjustments.csv)"),
                    column("currency", CURRENCY, 0, "currency of revenue", "USD",
                            "for the pay period's month, a rate in fx_rates.csv unless the base currency")),
            List.of());

    public static final CsvFileSpec ADJUSTMENTS = new CsvFileSpec("adjustments.csv", false,
            "manual adjustments, paid once", List.of(
                    column("adjustment_id", TEXT, ID, "id of the adjustment", "ADJ-1", "not paid in an earlier period"),
                    column("rep_id", TEXT, ID, "the rep paid", "R002", "a rep on the roster in the pay period"),
                    column("amount", AMOUNT, 0, "the amount; negative takes back", "-250.00", "not zero"),
                    column("currency", CURRENCY, 0, "currency of amount", "USD", "the rep's pay currency"),
                    column("reason", TEXT, 500, "why; may span lines when quoted", "SPIFF Q3", ""),
                    column("approved_by", TEXT, 128, "who approved it", "cfo@example.com", "not the rep")),
            List.of());

    /** Points per member of a team, for a team pool split BY_POINTS; kept in rep_figure, the team as detail. */
    public static final CsvFileSpec POOL_POINTS = new CsvFileSpec("pool_points.csv", false,
            "points per member of a team, by which a team pool split BY_POINTS is shared", List.of(
                    column("period", MONTH_OR_YEAR, 0, "the month the points are for, or the whole plan year",
                            "2026-11", "the pay period or its year; a month's points replace the year's for the "
                                    + "whole team"),
                    column("team", TEXT, 100, "the team whose pool is shared", "West",
                            "the rep's team on the roster in the pay period"),
                    column("rep_id", TEXT, ID, "a member of the team", "R001", "a rep on the roster in the pay period"),
                    column("points", DECIMAL, 0, "the member's points; a member without a row has none", "30",
                            NOT_NEGATIVE)),
            List.of("the same period, team and rep with other points is rejected"));

    /** An optional figure of a booking, checked against its range (see {@link DealAttribute}). */
    private static CsvColumn attribute(DealAttribute attribute, CsvColumn.Type type, String meaning, String example) {
        return optionalColumn(attribute.column(), type, 0, meaning, example, attribute.range()
                + (attribute.whole() ? "" : ", at most " + DealAttribute.DECIMALS + " decimal places"));
    }

    /** The columns a header must name. */
    public List<String> requiredColumns() {
        return columns.stream().filter(CsvColumn::required).map(CsvColumn::name).toList();
    }

    /** The columns a header may name. */
    public List<String> optionalColumns() {
        return columns.stream().filter(c -> !c.required()).map(CsvColumn::name).toList();
    }

    /** The same contract, the file required or not. */
    public CsvFileSpec requiredFile(boolean mustExist) {
        return new CsvFileSpec(fileName, mustExist, description, columns, rules);
    }

    public boolean knows(String column) {
        return columnNamed(column) != null;
    }

    private CsvColumn columnNamed(String name) {
        for (CsvColumn column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        return null;
    }

    /**
     * The first cell, in the row's order, longer than its column holds (as it would be stored: without
     * surrounding spaces), or holding a control character, or null. Such a row is rejected by column,
     * rather than failing the load or carrying a line break or NUL into an email, a PDF or payroll.
     */
    public CsvRow.Problem problem(Map<String, String> values) {
        for (Map.Entry<String, String> cell : values.entrySet()) {
            CsvColumn column = columnNamed(cell.getKey());
            int width = column == null ? 0 : column.width();
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            if (width > 0 && value.length() > width) {
                return new CsvRow.Problem(cell.getKey(), "longer than the " + width + " characters this column holds ("
                        + value.length() + ")", value);
            }
            int control = column != null ? controlCharacter(cell.getKey(), value) : -1;
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
