package io.compclose.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A mapping from a plan file with its path ({@code components[0].rate_table}) and a shared list of
 * problems: every accessor records a problem naming the field instead of throwing, so one read of
 * a plan reports everything wrong with it.
 */
public final class YamlNode {

    private final Map<?, ?> map;
    private final String path;
    private final String where;
    private final List<String> problems;

    public YamlNode(Map<?, ?> map, String path, String where, List<String> problems) {
        this.map = map;
        this.path = path;
        this.where = where;
        this.problems = problems;
    }

    public void onlyFields(Set<String> known) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problem(String.valueOf(key), "unknown field (known here: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    public boolean has(String field) {
        return map.get(field) != null;
    }

    public String text(String field, boolean required) {
        Object value = map.get(field);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(field, "must be a single value");
            return null;
        }
        return value.toString().trim();
    }

    public BigDecimal decimal(String field, boolean required) {
        String raw = text(field, required);
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            problem(field, "must be a number, was '" + raw + "'");
            return null;
        }
    }

    /** A decimal that must not be negative (amounts, caps, rates). */
    public BigDecimal notNegative(String field, boolean required) {
        BigDecimal value = decimal(field, required);
        if (value != null && value.signum() < 0) {
            problem(field, "must not be negative, was " + value.toPlainString());
            return null;
        }
        return value;
    }

    public Integer whole(String field, boolean required, int min) {
        String raw = text(field, required);
        if (raw == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min) {
                problem(field, "must be " + min + " or more, was " + raw);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(field, "must be a whole number, was '" + raw + "'");
            return null;
        }
    }

    LocalDate date(String field, boolean required) {
        String raw = text(field, required);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            problem(field, "must be a date YYYY-MM-DD, was '" + raw + "'");
            return null;
        }
    }

    String currency(String field) {
        String raw = text(field, true);
        if (raw == null) {
            return null;
        }
        try {
            return Currency.getInstance(raw).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            problem(field, "must be an ISO 4217 currency code, was '" + raw + "'");
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
        String raw = text(field, required);
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(field, "unknown value '" + raw + "' (known: "
                    + String.join(", ", Stream.of(type.getEnumConstants()).map(Enum::name).toList()) + ")");
            return null;
        }
    }

    boolean flag(String field) {
        String raw = text(field, false);
        if (raw == null) {
            return false;
        }
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            problem(field, "must be true or false, was '" + raw + "'");
        }
        return raw.equalsIgnoreCase("true");
    }

    YamlNode child(String field) {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> child)) {
            problem(field, "must be a mapping of fields");
            return null;
        }
        return new YamlNode(child, qualified(field), where, problems);
    }

    /** The mappings of a list field, read each with {@code reader}; a missing list is empty. */
    public <T> List<T> list(String field, Function<YamlNode, T> reader) {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            problem(field, "must be a list");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
                T read = reader.apply(new YamlNode(item, qualified(field) + "[" + i + "]", where, problems));
                if (read != null) {
                    result.add(read);
                }
            } else {
                problems.add(where + ": " + qualified(field) + "[" + i + "]: must be a mapping of fields");
            }
        }
        return result;
    }

    /** How many items a list field holds ({@code components: []} holds none); -1 when it is no list. */
    int listSize(String field) {
        return map.get(field) instanceof List<?> items ? items.size() : -1;
    }

    public Map<?, ?> raw(String field) {
        return map.get(field) instanceof Map<?, ?> m ? m : null;
    }

    public void problem(String field, String message) {
        problems.add(where + ": " + qualified(field) + ": " + message);
    }

    /** A problem about this node as a whole. */
    public void problem(String message) {
        problems.add(where + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    String path() {
        return path;
    }

    private String qualified(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
