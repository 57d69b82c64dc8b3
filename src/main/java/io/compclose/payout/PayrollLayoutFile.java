package io.compclose.payout;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.compclose.core.calculation.EarningCode;
import io.compclose.core.input.BadInputException;
import io.compclose.core.plan.PayPeriod;
import io.compclose.system.BoundYaml;
import io.compclose.system.FieldProblems;

/**
 * Reads one payroll layout file ({@code jobs/payroll-layouts/adp.yaml}): the columns another payroll
 * system imports, each a field of the payout rows or a constant. The file's name names the layout.
 * Everything wrong with it is reported at once, naming the file and the field, before the close starts.
 */
public final class PayrollLayoutFile {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** The file as written. */
    record Layout(Currency currency, @NotNull(message = "is required: the columns of the file, in order")
            @Valid List<@NotNull(message = BoundYaml.MAPPING) Column> columns) {
    }

    record Column(@NotBlank String header, String field, String value, String format,
            Map<String, String> codes) {
    }

    private PayrollLayoutFile() {
    }

    public static PayrollLayout read(Path file) {
        String where = file.toString();
        String name = layoutName(file);
        if (name == null) {
            throw new BadInputException("payroll layout " + where + ": the file name must be <name>.yaml, the name "
                    + "made of letters, digits, - and _ (it becomes payroll-<period>.<name>.csv)");
        }
        BoundYaml.Document<Layout> document;
        try {
            document = BoundYaml.read(file, Layout.class);
        } catch (BoundYaml.UnreadableException e) {
            throw new BadInputException("payroll layout " + where + ": " + e.getMessage(), e);
        }
        FieldProblems problems = document.problems();
        Layout layout = document.value();
        if (layout == null && problems.isEmpty()) {
            throw new BadInputException("payroll layout " + where + ": must be a mapping with a list of columns");
        }
        String currency = layout == null || layout.currency() == null ? null : layout.currency().getCurrencyCode();
        List<PayrollColumn> columns = problems.each("columns", layout == null ? null : layout.columns(),
                PayrollLayoutFile::column);
        if (layout != null) {
            checkColumns(layout, problems, columns, currency);
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.size() + " problem(s) in payroll layout " + where + ": "
                    + String.join("; ", problems.named(where)));
        }
        return new PayrollLayout(name, currency, columns);
    }

    /** {@code adp} for {@code adp.yaml}; null when the file name cannot name a payroll file. */
    static String layoutName(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5)
                : fileName.endsWith(".yml") ? fileName.substring(0, fileName.length() - 4) : null;
        return name != null && NAME.matcher(name).matches() ? name : null;
    }

    private static PayrollColumn column(Column column, FieldProblems problems) {
        String header = column.header();
        if (header != null && !header.isEmpty() && "=+-@".indexOf(header.charAt(0)) >= 0) {
            problems.add("header", "must not start with = + - or @ (a spreadsheet would read it as a formula)");
        }
        boolean constant = column.value() != null;
        if (constant == (column.field() != null)) {
            problems.add("needs either field (a field of the payout rows) or value (the same text on every row)");
            return null;
        }
        if (constant) {
            if (column.format() != null || column.codes() != null) {
                problems.add("value", "a constant takes no format or codes");
            }
            return header == null ? null : new PayrollColumn(header, null, column.value(), null, null);
        }
        PayrollField field = PayrollField.byKey(column.field()).orElse(null);
        if (field == null) {
            problems.add("field", "unknown field '" + column.field() + "' (known: " + String.join(", ",
                    Arrays.stream(PayrollField.values()).map(PayrollField::key).toList()) + ")");
            return null;
        }
        DateTimeFormatter format = format(column.format(), field, problems);
        Map<String, String> codes = codes(column.codes(), field, problems);
        return header == null ? null : new PayrollColumn(header, field, null, format, codes);
    }

    private static DateTimeFormatter format(String pattern, PayrollField field, FieldProblems problems) {
        if (pattern == null) {
            return null;
        }
        if (!field.isDate()) {
            problems.add("format", "applies to pay_period, period_start and period_end only");
            return null;
        }
        try {
            DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            // a pattern asking for more than the field has (a day of the pay period) fails here, not mid-close
            format.format(field.date(PayPeriod.of(java.time.YearMonth.of(2026, 10))));
            return format;
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add("format", "'" + pattern + "' cannot write a " + field.key() + " (" + e.getMessage() + ")");
            return null;
        }
    }

    private static Map<String, String> codes(Map<String, String> raw, PayrollField field, FieldProblems problems) {
        if (raw == null) {
            return null;
        }
        if (field != PayrollField.EARNING_CODE) {
            problems.add("codes", "applies to earning_code only");
            return null;
        }
        Map<String, String> codes = new LinkedHashMap<>();
        Set<String> known = new HashSet<>(Stream.of(EarningCode.values()).map(Enum::name).toList());
        raw.forEach((code, value) -> {
            if (!known.contains(code)) {
                problems.add("codes", "unknown earning code " + code + " (known: " + String.join(", ",
                        Stream.of(EarningCode.values()).map(Enum::name).toList()) + ")");
            } else if (value == null || value.isBlank()) {
                problems.add("codes." + code, "must be payroll's code for " + code);
            } else {
                codes.put(code, value.trim());
            }
        });
        List<String> missing = Stream.of(EarningCode.values()).map(Enum::name)
                .filter(code -> !raw.containsKey(code)).toList();
        if (!missing.isEmpty()) {
            problems.add("codes", "no code for " + String.join(", ", missing)
                    + " (every earning code needs one: a payout under a code payroll does not know would be lost)");
        }
        return Map.copyOf(codes);
    }

    private static void checkColumns(Layout layout, FieldProblems problems, List<PayrollColumn> columns,
            String currency) {
        Set<String> headers = new HashSet<>();
        columns.stream().map(PayrollColumn::header).filter(h -> !headers.add(h))
                .forEach(h -> problems.add("columns", "header '" + h + "' is used twice"));
        long amounts = columns.stream().filter(c -> c.field() == PayrollField.AMOUNT).count();
        if (amounts == 0 && layout.columns() != null) {
            problems.add("columns", "no column has field: amount (the amount paid is what payroll imports)");
        } else if (amounts > 1) {
            problems.add("columns", "more than one column has field: amount; the file's total would be ambiguous");
        }
        if (currency == null && columns.stream().noneMatch(c -> c.field() == PayrollField.CURRENCY)) {
            problems.add("currency", "is required when no column has field: currency: the one pay currency this "
                    + "payroll takes (e.g. currency: USD), so amounts in different currencies are never mixed");
        }
    }
}
