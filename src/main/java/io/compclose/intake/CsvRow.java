package io.compclose.intake;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.compclose.core.money.Money;

/**
 * One CSV record with its file and starting line, and typed accessors that reject with the
 * column, the rule broken and the raw value. Columns are looked up by lower-cased header name.
 */
public record CsvRow(String file, long line, Map<String, String> values, String raw, Problem problem) {

    /**
     * Amounts of more whole digits than this are no one's pay, and would overflow the columns that
     * hold them (an ACV of 10^15 converted at a rate above 1 no longer fits): rejected, not stored.
     */
    static final int MAX_WHOLE_DIGITS = 12;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The decimals the database's money columns hold: the most any amount may carry. */
    private static final int MONEY_COLUMN_SCALE = 4;

    /**
     * What is wrong with a row as a whole, found while reading it: its cell count differs from the
     * header's (column empty), or a cell is longer than its column holds.
     */
    public record Problem(String column, String reason, String rawValue) {

        public static Problem shape(String reason, String raw) {
            return new Problem("", reason, raw);
        }
    }

    /** A row with a problem is rejected before any of its values is read. */
    public void requireWellFormed() {
        if (problem != null) {
            throw new RowRejectedException(problem.column(), problem.reason(), problem.rawValue());
        }
    }

    public String text(String column) {
        String value = values.get(column);
        if (value == null || value.isBlank()) {
            throw new RowRejectedException(column, "required value is missing", value);
        }
        return value.trim();
    }

    /** An address of the form name@domain.tld, without spaces. */
    public String email(String column) {
        String email = text(column);
        if (!EMAIL.matcher(email).matches()) {
            throw new RowRejectedException(column, "not an email address", email);
        }
        return email;
    }

    /**
     * A cell's trimmed text as far as it can be trusted in a row rejected, perhaps for another column: null
     * when blank, when the row's cells do not line up with the header, or when the cell itself is too
     * long or unprintable for its column of {@code spec}.
     */
    public String readable(String column, CsvFileSpec spec) {
        String value = problem != null && problem.column().isEmpty() ? null : optionalText(column);
        return value == null || spec.problem(Map.of(column, value)) != null ? null : value;
    }

    public String optionalText(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public LocalDate date(String column) {
        return parseDate(column, text(column));
    }

    public LocalDate optionalDate(String column) {
        String value = optionalText(column);
        return value == null ? null : parseDate(column, value);
    }

    public YearMonth month(String column) {
        String value = text(column);
        try {
            // the plain YYYY-MM of every well-formed row without the formatter: millions of usage rows carry one
            if (value.length() == 7 && value.charAt(4) == '-' && digits(value, 0, 4) && digits(value, 5, 7)) {
                return YearMonth.of(number(value, 0, 4), number(value, 5, 7));
            }
            return YearMonth.parse(value);
        } catch (DateTimeException e) {
            throw new RowRejectedException(column, "not a month YYYY-MM", value);
        }
    }

    /** A decimal with '.' and no thousands separator, at most {@code maxScale} decimal places. */
    public BigDecimal decimal(String column, int maxScale) {
        return parseDecimal(column, text(column), maxScale);
    }

    public BigDecimal optionalDecimal(String column, int maxScale) {
        String value = optionalText(column);
        return value == null ? null : parseDecimal(column, value, maxScale);
    }

    /**
     * An amount of money in {@code currencyCode}: no more decimal places than the currency's minor unit
     * (2 for USD, 0 for JPY, 3 for BHD), so that what a file books is what is paid, without rounding.
     */
    public Money money(String column, String currencyCode) {
        return parseMoney(column, text(column), currencyCode);
    }

    public Money optionalMoney(String column, String currencyCode) {
        String value = optionalText(column);
        return value == null ? null : parseMoney(column, value, currencyCode);
    }

    public Integer optionalPositiveInt(String column) {
        String value = optionalText(column);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed <= 0) {
                throw new RowRejectedException(column, "must be a whole number above zero", value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new RowRejectedException(column, "not a whole number", value);
        }
    }

    /** A whole number, any sign (its range is the column's rule to check), or null when blank. */
    public Integer optionalWholeNumber(String column) {
        String value = optionalText(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(column, "not a whole number", value);
        }
    }

    public String currency(String column) {
        String value = text(column);
        try {
            Currency currency = Currency.getInstance(value.toUpperCase(Locale.ROOT));
            if (!currency.getCurrencyCode().equals(value)) {
                throw new RowRejectedException(column, "currency code must be upper case ISO 4217", value);
            }
            if (currency.getDefaultFractionDigits() < 0) {
                throw new RowRejectedException(column,
                        "not a currency money is paid in (ISO 4217 gives it no minor unit)", value);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(column, "not an ISO 4217 currency code", value);
        }
    }

    public <E extends Enum<E>> E choice(String column, Class<E> type) {
        String value = text(column);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(column, "unknown value; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()), value);
        }
    }

    private static LocalDate parseDate(String column, String value) {
        try {
            if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-' && digits(value, 0, 4)
                    && digits(value, 5, 7) && digits(value, 8, 10)) {
                return LocalDate.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10));
            }
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new RowRejectedException(column, "not a date YYYY-MM-DD", value);
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
    }

    /** -?digits(.digits)?, checked by hand: a regular expression per amount showed in the intake profile. */
    private static boolean isPlainDecimal(String value) {
        int i = value.startsWith("-") ? 1 : 0;
        int dot = value.indexOf('.', i);
        int end = value.length();
        if (dot < 0) {
            return end > i && digits(value, i, end);
        }
        return dot > i && dot < end - 1 && digits(value, i, dot) && digits(value, dot + 1, end);
    }

    /** A currency without a minor unit of its own (gold, SDR) keeps the four decimals the columns hold. */
    private static Money parseMoney(String column, String value, String currencyCode) {
        int minorUnit = Currency.getInstance(currencyCode).getDefaultFractionDigits();
        BigDecimal amount = parseDecimal(column, value, MONEY_COLUMN_SCALE);
        // 100.1200 is 100.12 written long, and stays; 100.123 is a fraction of a cent, which nobody is paid
        if (minorUnit >= 0 && amount.stripTrailingZeros().scale() > minorUnit) {
            throw new RowRejectedException(column, minorUnit == 0
                    ? "has a fraction, but " + currencyCode + " has no minor unit: amounts are whole numbers"
                    : "more than " + minorUnit + " decimal places, finer than " + currencyCode + "'s minor unit",
                    value);
        }
        return Money.of(amount, currencyCode);
    }

    /** Digits are counted before the number is built: a cell of a million digits is rejected at once. */
    private static BigDecimal parseDecimal(String column, String value, int maxScale) {
        if (!isPlainDecimal(value)) {
            throw new RowRejectedException(column, "not a decimal number (use '.' and no thousands separator)", value);
        }
        int dot = value.indexOf('.');
        int end = dot < 0 ? value.length() : dot;
        int first = value.startsWith("-") ? 1 : 0;
        while (first < end - 1 && value.charAt(first) == '0') {
            first++;
        }
        if (end - first > MAX_WHOLE_DIGITS) {
            throw new RowRejectedException(column, "more than " + MAX_WHOLE_DIGITS + " digits before the decimal point",
                    value);
        }
        if (dot >= 0 && value.length() - dot - 1 > maxScale) {
            throw new RowRejectedException(column, "more than " + maxScale + " decimal places", value);
        }
        return new BigDecimal(value);
    }
}
