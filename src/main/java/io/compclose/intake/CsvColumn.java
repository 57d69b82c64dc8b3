package io.compclose.intake;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One column of an inbox file as the published contract (jobs/inputs.md) states it: the contract page is
 * generated from these, and the reader checks the header and widths against them.
 *
 * @param width   the most characters the column holds (its database column's width), or 0 for no limit
 *                beyond its type
 * @param choices the values a {@link Type#CHOICE} column takes, else null
 * @param rule    what the file's validator checks beyond the type and width, or ""
 */
public record CsvColumn(String name, boolean required, Type type, Class<? extends Enum<?>> choices, int width,
        String meaning, String example, String rule) {

    /** How a cell is written, with the {@link CsvRow} accessor that reads it so. */
    public enum Type {
        TEXT("text"),
        DATE("date YYYY-MM-DD"),
        MONTH("month YYYY-MM"),
        PERIOD("month YYYY-MM or quarter YYYY-Qn (FYyyyy-Qn when the plan year starts in another month than January)"),
        MONTH_OR_YEAR("month YYYY-MM or year YYYY (FYyyyy when the plan year starts in another month than January)"),
        DECIMAL("decimal: '.' before the decimals, no thousands separator"),
        AMOUNT("amount: a decimal with no more decimals than the currency's minor unit (2 for USD, 0 for JPY)"),
        CURRENCY("ISO 4217 code, upper case"),
        COUNT("whole number above 0"),
        WHOLE("whole number"),
        EMAIL("email address"),
        CHOICE("one of");

        private static final Pattern PERIOD_TEXT = Pattern.compile("\\d{4}-(0[1-9]|1[0-2]|Q[1-4])|FY\\d{4}-Q[1-4]");
        private static final Pattern MONTH_OR_YEAR_TEXT = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?|FY\\d{4}");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** Reads a cell as the validators do; a value of the wrong form is rejected. */
        void read(CsvRow row, CsvColumn column) {
            String name = column.name();
            switch (this) {
                case TEXT -> row.text(name);
                case DATE -> row.date(name);
                case MONTH -> row.month(name);
                case PERIOD -> {
                    if (!PERIOD_TEXT.matcher(row.text(name)).matches()) {
                        throw new RowRejectedException(name, "not a period YYYY-MM or YYYY-Qn", row.text(name));
                    }
                }
                case MONTH_OR_YEAR -> {
                    if (!MONTH_OR_YEAR_TEXT.matcher(row.text(name)).matches()) {
                        throw new RowRejectedException(name, "not a month YYYY-MM or year YYYY", row.text(name));
                    }
                }
                case DECIMAL -> row.decimal(name, 10);
                case AMOUNT -> row.money(name, row.currency("currency"));
                case CURRENCY -> row.currency(name);
                case COUNT -> row.optionalPositiveInt(name);
                case WHOLE -> row.optionalWholeNumber(name);
                case EMAIL -> row.email(name);
                case CHOICE -> readChoice(row, name, column.choices());
            }
        }
    }

    static CsvColumn column(String name, Type type, int width, String meaning, String example, String rule) {
        return new CsvColumn(name, true, type, null, width, meaning, example, rule);
    }

    static CsvColumn optionalColumn(String name, Type type, int width, String meaning, String example, String rule) {
        return new CsvColumn(name, false, type, null, width, meaning, example, rule);
    }

    static CsvColumn choice(String name, Class<? extends Enum<?>> choices, String meaning, String example) {
        return new CsvColumn(name, true, Type.CHOICE, choices, 0, meaning, example, "");
    }

    /** The column's type in words: {@code one of AE, AM, ...} for a choice. */
    public String typeText() {
        return type == Type.CHOICE ? type.description + " " + Arrays.stream(choices.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")) : type.description;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void readChoice(CsvRow row, String name, Class<? extends Enum<?>> choices) {
        row.choice(name, (Class) choices);
    }
}
