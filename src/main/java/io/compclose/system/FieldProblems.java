package io.compclose.system;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with one YAML document, each problem at its field path ({@code components[0].rate_table}). They
 * are listed in field-path order, so a file's problems read the same whichever check (binding, Bean Validation,
 * a rule across fields) found them.
 */
public final class FieldProblems {

    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");
    private static final Comparator<Problem> IN_PATH_ORDER = (a, b) -> comparePaths(a.path(), b.path());

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

    /** {@code components[2]} before {@code components[10]}: numbers compare as numbers. */
    private static int comparePaths(String a, String b) {
        Matcher x = CHUNK.matcher(a);
        Matcher y = CHUNK.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int order = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
