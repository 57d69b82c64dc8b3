package io.compclose.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;

import io.compclose.core.input.BadInputException;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PaySchedule;
import io.compclose.core.plan.PaySchedule.Frequency;

/**
 * Reads the pay calendar ({@code jobs/pay-calendar.yaml}): the month the company's plan year starts in and how
 * often it runs payroll. Everything wrong with it is reported at once, naming the file and the field, before a
 * close starts.
 */
public final class PayCalendarFile {

    /**
     * The file as written: the month and the frequency as text, so a number (is 2 February or March? the
     * second frequency?) is refused, not guessed, and "semi-monthly" is read as SEMI_MONTHLY.
     */
    record Calendar(@NotBlank(message = "is required: the month the plan year starts in, e.g. FEBRUARY")
            String fiscalYearStart, String frequency, LocalDate anchor) {
    }

    /** What the file says: the plan year and the payroll runs. */
    public record Read(FiscalYear fiscalYear, PaySchedule schedule) {
    }

    private static final String WRITE_FREQUENCY = "write its name, one of " + Arrays.stream(Frequency.values())
            .map(Frequency::name).collect(Collectors.joining(", "));

    private PayCalendarFile() {
    }

    public static Read read(Path file) {
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
        Calendar calendar = document.value();
        Month first = calendar == null ? null : month(calendar.fiscalYearStart(), problems);
        PaySchedule schedule = calendar == null ? null : schedule(calendar, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(where + ": " + problems.size() + " problem(s): "
                    + String.join("; ", problems.named(file.toString())));
        }
        return new Read(new FiscalYear(first), schedule);
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

    /** The frequency and its anchor, which only a bi-weekly schedule has and must have; null when either is wrong. */
    private static PaySchedule schedule(Calendar calendar, FieldProblems problems) {
        Frequency frequency = problems.has("frequency") ? null : frequency(calendar.frequency(), problems);
        if (frequency == null || problems.has("anchor")) {
            return null; // a value that did not bind is named already; whether an anchor belongs needs both
        }
        LocalDate anchor = calendar.anchor();
        if (frequency == Frequency.BI_WEEKLY && anchor == null) {
            problems.add("anchor", "is required with frequency BI_WEEKLY: the first day of any one bi-weekly run, "
                    + "e.g. 2026-01-02");
            return null;
        }
        if (frequency != Frequency.BI_WEEKLY && anchor != null) {
            problems.add("anchor", "only applies to frequency BI_WEEKLY, and the frequency is " + frequency
                    + (calendar.frequency() == null ? " (the default)" : "") + ": remove anchor or set frequency: "
                    + "BI_WEEKLY");
            return null;
        }
        return new PaySchedule(frequency, anchor);
    }

    /** MONTHLY when left out; a name in any case, with '-' for '_' ("semi-monthly"). */
    private static Frequency frequency(String text, FieldProblems problems) {
        if (text == null) {
            return Frequency.MONTHLY;
        }
        if (text.isBlank()) { // written but empty: more likely unfinished than a wish for the default
            problems.add("frequency", "is empty: " + WRITE_FREQUENCY + ", or leave it out for MONTHLY");
            return null;
        }
        try {
            return Frequency.valueOf(text.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("frequency", "'" + text + "' is not a payroll frequency: " + WRITE_FREQUENCY);
            return null;
        }
    }
}
