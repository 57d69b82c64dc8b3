package io.compclose.intake;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The input contract, jobs/inputs.md, written from the file descriptions the close reads files by
 * ({@link InputFile}, {@link CsvFileSpec}): the page and the checks cannot drift apart.
 * {@code java -jar compclose.jar inputs > jobs/inputs.md} writes it again.
 */
public final class InputContract {

    /** Where the page is kept, relative to the project. */
    public static final Path PAGE = Path.of("jobs", "inputs.md");

    private static final String COMMON_RULES = """
            # Input contract (version 1)

            The close reads one folder of files per pay period, e.g. `inbox/2026-10/`. These formats are a public
            contract: CRM and billing exports are mapped to them. They are extended compatibly (new optional
            columns), never renamed.

            This page is generated from the file descriptions the close checks files by
            (`io.compclose.intake.CsvFileSpec`); `java -jar target/compclose.jar inputs > jobs/inputs.md`
            writes it again, and a test fails when it is out of date.

            ## Common rules
            - CSV per RFC 4180, UTF-8 (a byte order mark is accepted), comma separated, first row the header.
              A file saved as a European Excel export (`;` between columns, decimal commas, Windows-1252 text),
              as a workbook or as UTF-16 text is refused, saying so: save it as "CSV UTF-8 (comma delimited)".
            - Columns are matched by header name, case-insensitively, in any order; unknown columns are ignored
              with one warning per file. A missing required column, or a column named twice, fails the file
              before any row is read.
            - Empty cell = absent. Text is one line without control characters, but a quoted `reason` may span
              lines. Dates `YYYY-MM-DD`; months `YYYY-MM`; decimals with `.` and no thousands separator, at most
              12 digits before the point; currencies upper-case ISO 4217 codes.
            - A row that breaks a rule is rejected with file, line, column and reason (in
              `out/rejects/rejects-<period>.csv`) and counted in reconciliation; the rest of the file is
              processed. A row whose id was accepted before with the same values is a harmless re-delivery,
              counted once; with other values it is rejected.
            - Required files: a required file from which no row is accepted stops the close.
            """;

    private InputContract() {
    }

    /** The whole page. */
    public static String markdown() {
        StringBuilder page = new StringBuilder(COMMON_RULES);
        page.append("\n## Files\n");
        for (InputFile file : InputFile.values()) {
            appendFile(page, file.spec());
        }
        page.append("""

                ### plans/*.yaml, crediting.yaml
                Plan definitions (required, at least one) and crediting rules (optional): see
                [plans.md](plans.md) and [crediting.md](crediting.md).
                """);
        return page.toString();
    }

    private static void appendFile(StringBuilder page, CsvFileSpec spec) {
        page.append("\n### ").append(spec.fileName()).append(" (").append(spec.required() ? "required" : "optional")
                .append(")\n").append(capitalised(spec.description())).append(".\n\n");
        page.append("| column | required | type | meaning | example | checked |\n|---|---|---|---|---|---|\n");
        for (CsvColumn column : spec.columns()) {
            page.append("| `").append(column.name()).append("` | ").append(column.required() ? "yes" : "")
                    .append(" | ").append(cell(column.typeText())).append(" | ").append(cell(column.meaning()))
                    .append(" | `").append(column.example()).append("` | ").append(cell(checks(column))).append(" |\n");
        }
        if (!spec.rules().isEmpty()) {
            page.append("\nAcross rows: ").append(String.join("; ", spec.rules())).append(".\n");
        }
        page.append("\nExample:\n\n```csv\n")
                .append(spec.columns().stream().map(CsvColumn::name).collect(Collectors.joining(","))).append('\n')
                .append(spec.columns().stream().map(c -> quoted(c.example())).collect(Collectors.joining(",")))
                .append("\n```\n");
    }

    private static String checks(CsvColumn column) {
        String width = column.width() > 0 ? "at most " + column.width() + " characters" : "";
        return Arrays.stream(new String[] {width, column.rule()}).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("; "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
