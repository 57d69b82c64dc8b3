package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * SQL takes its values as bind parameters ({@code ?}), never written into the statement. Table and
 * column names from constants may be joined in; a value position (after {@code =}, {@code <},
 * {@code >}, a quote, {@code LIKE} or {@code IN (}) never is, and no SQL is formatted.
 */
class BindParametersTests {

    private static final String SQL = "(?:SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES)";
    /** A string literal with SQL in it, ending at a value position, followed by a concatenation. */
    private static final Pattern VALUE_CONCATENATED = Pattern.compile(
            "\"[^\"\\n]*\\b" + SQL + "\\b[^\"\\n]*(?:[=<>']|\\bLIKE|\\bIN\\s*\\()\\s*\"\\s*\\+");
    /** SQL written with String.format or formatted(). */
    private static final Pattern SQL_FORMATTED = Pattern.compile(
            "String\\.format\\(\\s*\"[^\"]*\\b" + SQL + "\\b|\\b" + SQL + "\\b[^;]*?\"{1,3}\\s*\\.formatted\\(");

    @Test
    void noStatementHasAValueWrittenIntoIt() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : List.of(VALUE_CONCATENATED, SQL_FORMATTED)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        violations.add(source + ": " + m.group());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckFindsAValueWrittenIntoAStatement() {
        assertThat(VALUE_CONCATENATED.matcher("jdbc.query(\"SELECT * FROM rep WHERE rep_id = '\" + id + \"'\")").find())
                .isTrue();
        assertThat(VALUE_CONCATENATED.matcher("jdbc.update(\"DELETE FROM credit WHERE pay_period = \"\n + period)")
                .find()).isTrue();
        assertThat(VALUE_CONCATENATED.matcher("\"SELECT x FROM t WHERE id IN (\" + String.join(\",\", ids)").find())
                .isTrue();
        assertThat(SQL_FORMATTED.matcher("String.format(\"SELECT * FROM t WHERE id = %s\", id)").find()).isTrue();
        assertThat(SQL_FORMATTED.matcher("\"\"\"\n SELECT * FROM t WHERE id = %s\n\"\"\".formatted(id)").find()).isTrue();
        // what the code does: names from constants joined in, values bound
        assertThat(VALUE_CONCATENATED.matcher("jdbc.update(\"DELETE FROM \" + table + \" WHERE pay_period = ?\", p)")
                .find()).isFalse();
    }
}
