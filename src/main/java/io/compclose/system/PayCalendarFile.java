package io.compclose.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;

import jakarta.validation.constraints.NotNull;

import io.compclose.core.input.BadInputException;
import io.compclose.core.plan.FiscalYear;

/**
 * Reads the pay calendar ({@code jobs/pay-calendar.yaml}): the month the company's plan year starts in.
 * Everything wrong with it is reported at once, naming the file and the field, before a close starts.
 */
public final class PayCalendarFile {

    /** The file as written. */
    record Calendar(@NotNull(message = "is required: the month the plan year starts in, e.g. FEBRUARY")
            Month fiscalYearStart) {
    }

    private PayCalendarFile() {
    }

    public static FiscalYear read(Path file) {
        String where = "pay calendar " + file + " (compclose.pay-calendar)";
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
        if (!problems.isEmpty()) {
            throw new BadInputException(where + ": " + problems.size() + " problem(s): "
                    + String.join("; ", problems.named(file.toString())));
        }
        return new FiscalYear(document.value().fiscalYearStart());
    }
}
