package io.compclose.payout;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import io.compclose.core.calculation.EarningCode;
import io.compclose.core.input.BadInputException;
import io.compclose.plan.PlanLoader;
import io.compclose.plan.YamlNode;

/**
 * Reads one payroll layout file ({@code jobs/payroll-layouts/adp.yaml}): the columns another payroll
 * system imports, each a field of the payout rows or a constant. The file's name names the layout.
 * Everything wrong with it is reported at once, naming the file and the field, before the close starts.
 */
public final class PayrollLayoutFile {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> LAYOUT_FIELDS = Set.of("currency", "columns");
    private static final Set<String> COLUMN_FIELDS = Set.of("header", "field", "value", "format", "codes");

    private PayrollLayoutFile() {
    }

    public static PayrollLayout read(Path file) {
        String where = file.toString();
        String name = layoutName(file);
        if (name == null) {
            throw new BadInputException("payroll layout " + where + ": the file name must be <name>.yaml, the name "
                    + "made of letters, digits, - and _ (it becomes payroll-<period>.<name>.csv)");
        }
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = PlanLoader.textOnlyYaml().load(reader);
        } catch (IOException e) {
            throw new BadInputException("payroll layout " + where + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (YAMLException e) {
            throw new BadInputException("payroll layout " + where + ": not readable as YAML: " + yamlProblem(e), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new BadInputException("payroll layout " + where + ": must be a mapping with a list of columns");
        }
        List<String> problems = new ArrayList<>();
        YamlNode root = new YamlNode(map, "", where, problems);
        root.onlyFields(LAYOUT_FIELDS);
        String currency = currency(root);
        if (!root.has("columns")) {
            root.problem("columns", "is required: the columns of the file, in order");
        }
        List<PayrollColumn> columns = root.list("columns", PayrollLayoutFile::column);
        checkColumns(root, columns, currency);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.size() + " problem(s) in payroll layout " + where + ": "
                    + String.join("; ", problems));
        }
        return new PayrollLayout(name, currency, columns);
    }

    /** {@code expected ',' or '}' at line 14}: where the parser gave up, rather than what it was parsing. */
    private static String yamlProblem(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblem() != null && marked.getProblemMark() != null) {
            return marked.getProblem() + " at line " + (marked.getProblemMark().getLine() + 1);
        }
        return e.getMessage().lines().findFirst().orElse("");
    }

    /** {@code adp} for {@code adp.yaml}; null when the file name cannot name a payroll file. */
    static String layoutName(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5)
                : fileName.endsWith(".yml") ? fileName.substring(0, fileName.length() - 4) : null;
        return name != null && NAME.matcher(name).matches() ? name : null;
    }

    private static String currency(YamlNode root) {
        String raw = root.text("currency", false);
        if (raw == null) {
            return null;
        }
        try {
            if (Currency.getInstance(raw).getCurrencyCode().equals(raw)) {
                return raw;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        root.problem("currency", "must be an upper-case ISO 4217 currency code, was '" + raw + "'");
        return null;
    }

    private static PayrollColumn column(YamlNode node) {
        node.onlyFields(COLUMN_FIELDS);
        String header = node.text("header", true);
        if (header != null && "=+-@".indexOf(header.charAt(0)) >= 0) {
            node.problem("header", "must not start with = + - or @ (a spreadsheet would read it as a formula)");
        }
        boolean constant = node.has("value");
        String fieldKey = node.text("field", false);
        if (constant == (fieldKey != null)) {
            node.problem("needs either field (a field of the payout rows) or value (the same text on every row)");
            return null;
        }
        if (constant) {
            String value = node.text("value", false);
            if (node.has("format") || node.has("codes")) {
                node.problem("value", "a constant takes no format or codes");
            }
            return header == null ? null : new PayrollColumn(header, null, value == null ? "" : value, null, null);
        }
        PayrollField field = PayrollField.byKey(fieldKey).orElse(null);
        if (field == null) {
            node.problem("field", "unknown field '" + fieldKey + "' (known: " + String.join(", ",
                    Arrays.stream(PayrollField.values()).map(PayrollField::key).toList()) + ")");
            return null;
        }
        DateTimeFormatter format = format(node, field);
        Map<String, String> codes = codes(node, field);
        return header == null ? null : new PayrollColumn(header, field, null, format, codes);
    }

    private static DateTimeFormatter format(YamlNode node, PayrollField field) {
        String pattern = node.text("format", false);
        if (pattern == null) {
            return null;
        }
        if (!field.isDate()) {
            node.problem("format", "applies to pay_period, period_start and period_end only");
            return null;
        }
        try {
            DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            // a pattern asking for more than the field has (a day of the pay period) fails here, not mid-close
            format.format(field.date(new PayoutRow("E", "R", "2026-10", "COMMISSION", BigDecimal.ONE, "USD")));
            return format;
        } catch (IllegalArgumentException | DateTimeException e) {
            node.problem("format", "'" + pattern + "' cannot write a " + field.key() + " (" + e.getMessage() + ")");
            return null;
        }
    }

    private static Map<String, String> codes(YamlNode node, PayrollField field) {
        if (!node.has("codes")) {
            return null;
        }
        Map<?, ?> raw = node.raw("codes");
        if (field != PayrollField.EARNING_CODE) {
            node.problem("codes", "applies to earning_code only");
            return null;
        }
        if (raw == null) {
            node.problem("codes", "must be a mapping from each earning code to payroll's code, e.g. COMMISSION: C");
            return null;
        }
        Map<String, String> codes = new LinkedHashMap<>();
        Set<String> known = new HashSet<>(Stream.of(EarningCode.values()).map(Enum::name).toList());
        raw.forEach((key, value) -> {
            String code = String.valueOf(key);
            if (!known.contains(code)) {
                node.problem("codes", "unknown earning code " + code + " (known: " + String.join(", ",
                        Stream.of(EarningCode.values()).map(Enum::name).toList()) + ")");
            } else if (value == null || value instanceof Map || value instanceof List || value.toString().isBlank()) {
                node.problem("codes." + code, "must be payroll's code for " + code);
            } else {
                codes.put(code, value.toString().trim());
            }
        });
        List<String> missing = Stream.of(EarningCode.values()).map(Enum::name)
                .filter(code -> !raw.containsKey(code)).toList();
        if (!missing.isEmpty()) {
            node.problem("codes", "no code for " + String.join(", ", missing)
                    + " (every earning code needs one: a payout under a code payroll does not know would be lost)");
        }
        return Map.copyOf(codes);
    }

    private static void checkColumns(YamlNode root, List<PayrollColumn> columns, String currency) {
        Set<String> headers = new HashSet<>();
        columns.stream().map(PayrollColumn::header).filter(h -> !headers.add(h))
                .forEach(h -> root.problem("columns", "header '" + h + "' is used twice"));
        long amounts = columns.stream().filter(c -> c.field() == PayrollField.AMOUNT).count();
        if (amounts == 0 && root.has("columns")) {
            root.problem("columns", "no column has field: amount (the amount paid is what payroll imports)");
        } else if (amounts > 1) {
            root.problem("columns", "more than one column has field: amount; the file's total would be ambiguous");
        }
        if (currency == null && columns.stream().noneMatch(c -> c.field() == PayrollField.CURRENCY)) {
            root.problem("currency", "is required when no column has field: currency: the one pay currency this "
                    + "payroll takes (e.g. currency: USD), so amounts in different currencies are never mixed");
        }
    }
}
