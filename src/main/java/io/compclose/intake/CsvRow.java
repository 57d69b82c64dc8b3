package io.compclose.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One CSV record with its file and starting line, and typed accessors that reject with the
 * column, the rule broken and the raw value. Columns are looked up by lower-cased header name.
 */
public record CsvRow(String file, long line, Map<String, String> values, String raw, String problem) {

    /** A row whose shape is wrong (cell count differs from the header) carries the problem. */
    public void requireWellFormed() {
        if (problem != null) {
            throw new RowRejectedException("", problem, raw);
        }
    }

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    public String text(String column) {
        String value = values.get(column);
        if (value == null || value.isBlank()) {
            throw new RowRejectedException(column, "required value is missing", value);
        }
        return value.trim();
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
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
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

    public String currency(String column) {
        String value = text(column);
        try {
            Currency currency = Currency.getInstance(value.toUpperCase(Locale.ROOT));
            if (!currency.getCurrencyCode().equals(value)) {
                throw new RowRejectedException(column, "currency code must be upper case ISO 4217", value);
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
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column, "not a date YYYY-MM-DD", value);
        }
    }

    private static BigDecimal parseDecimal(String column, String value, int maxScale) {
        if (!DECIMAL.matcher(value).matches()) {
            throw new RowRejectedException(column, "not a decimal number (use '.' and no thousands separator)", value);
        }
        BigDecimal parsed = new BigDecimal(value);
        if (parsed.scale() > maxScale) {
            throw new RowRejectedException(column, "more than " + maxScale + " decimal places", value);
        }
        return parsed;
    }
}
