package io.compclose.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;

import io.compclose.core.input.BadInputException;
import io.compclose.core.plan.FiscalYear;

/**
 * Reads the pay calendar ({@code jobs/pay-calendar.yaml}): the month the company's plan year starts in.
 * Everything wrong with it is reported at once, naming the file and the field, before a close starts.
 */
public final class PayCalendarFile {

    /** The file as written: the month as text, so a number (is 2 February or March?) is refused, not guessed. */
    record Calendar(@NotBlank(message = "is required: the month the plan year starts in, e.g. FEBRUARY")
            String fiscalYearStart) {
    }

    private PayCalendarFile() {
    }

    public static FiscalYear read(Path file) {
        String where = named(file);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(where + ": " + (Files.isDirectory(file) ? "is a folder; name the file"
                    : "no such file"));
        }
        BoundYaml.Document<Calendar> document;
        try {
            document = BoundYaml.read(file, Calendar.class);
        } catch (BoundYaml.UnreadableException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
        FieldProblems problems = document.problems();
        if (document.value() == null && problems.isEmpty()) {
            throw new BadInputException(where + ": must be a mapping with fiscal_year_start (e.g. FEBRUARY)");
        }
        Month first = document.value() == null ? null : month(document.value().fiscalYearStart(), problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(where + ": " + problems.size() + " problem(s): "
                    + String.join("; ", problems.named(file.toString())));
        }
        return new FiscalYear(first);
    }

    /** How messages name the file: "pay calendar jobs/pay-calendar.yaml (compclose.pay-calendar)". */
    static String named(Path file) {
        return "pay calendar " + file + " (compclose.pay-calendar)";
    }

    private static Month month(String text, FieldProblems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Month.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("fiscal_year_start", "'" + text + "' is not a month: write its name in English, one of "
                    + Arrays.stream(Month.values()).map(Month::name).collect(Collectors.joining(", ")));
            return null;
        }
    }
}
