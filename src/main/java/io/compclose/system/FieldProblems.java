package io.compclose.system;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * What is wrong with one YAML document, each problem at its field path ({@code components[0].rate_table}). They
 * are listed in field-path order, so a file's problems read the same whichever check (binding, Bean Validation,
 * a rule across fields) found them.
 */
public final class FieldProblems {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** {@code components[2]} before {@code components[10]}: numbers compare as numbers. */
    private static final Comparator<Problem> IN_PATH_ORDER = Comparator.comparing(problem -> NUMBER
            .matcher(problem.path()).replaceAll(number -> "%012d".formatted(new BigInteger(number.group()))));

    private record Problem(String path, String message) {
    }

    private final List<Problem> problems;
    private final String prefix;

    public FieldProblems() {
        this(new ArrayList<>(), "");
    }

    private FieldProblems(List<Problem> problems, String prefix) {
        this.problems = problems;
        this.prefix = prefix;
    }

    /** The same problems, seen from a part of the document: {@code under("caps").add("per_deal", ...)}. */
    public FieldProblems under(String field) {
        return new FieldProblems(problems, join(prefix, field));
    }

    /** Each item of a list field, read with the problems at its index; items read as null are left out. */
    public <T, R> List<R> each(String field, List<T> items, BiFunction<T, FieldProblems, R> reader) {
        List<R> read = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            R item = items.get(i) == null ? null : reader.apply(items.get(i), under(field + "[" + i + "]"));
            if (item != null) {
                read.add(item);
            }
        }
        return read;
    }

    public void add(String field, String message) {
        problems.add(new Problem(join(prefix, field), message));
    }

    /** A problem with this part of the document as a whole. */
    public void add(String message) {
        problems.add(new Problem(prefix, message));
    }

    /** Whether a problem names this field (or a field under it). */
    public boolean has(String field) {
        String path = join(prefix, field);
        return problems.stream().anyMatch(p -> p.path().equals(path) || p.path().startsWith(path + ".")
                || p.path().startsWith(path + "["));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    /** Each problem as {@code where: path: message}, in field-path order. */
    public List<String> named(String where) {
        return problems.stream().sorted(IN_PATH_ORDER)
                .map(p -> where + ": " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message()).toList();
    }

    static String join(String prefix, String field) {
        if (field.isEmpty() || prefix.isEmpty()) {
            return prefix + field;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }
}
