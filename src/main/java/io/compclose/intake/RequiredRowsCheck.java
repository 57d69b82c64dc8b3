package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.compclose.core.plan.PayPeriod;
import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseRun;

/**
 * A required file (reps.csv, bookings.csv) from which no row was accepted stops the close when its
 * step ends, before anything is calculated, paid or sent: October's inbox closed as November (every
 * booking outside the period) or a CRM export cut after its header would otherwise close the month
 * with an empty payroll file and statements of 0.00. A month that really has no bookings is closed
 * with {@code --allow-empty=bookings} (the job parameter {@link #ALLOW_EMPTY}).
 * <p>
 * The step is failed so that the same command, once the inbox is fixed, runs it again; and since
 * every row of the file was rejected, the step is made to start over: its rejects are published (the
 * message points at them), then forgotten, and its reader's position is cleared, so the corrected file
 * is read from its first line.
 */
public record RequiredRowsCheck(InputFile file, IntakeRepository repository) implements StepExecutionListener {

    /** The job parameter naming the required files that may have no accepted row: "bookings". */
    public static final String ALLOW_EMPTY = "allowEmpty";

    /** The required files a close may run without: only bookings (a close without reps pays no one). */
    public static final Set<String> MAY_BE_EMPTY = Set.of("bookings");

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED || allowedEmpty(step)) {
            return null;
        }
        CloseRun run = CloseRun.of(step);
        String period = run.periodKey();
        long accepted = repository.countRows(file, period);
        if (accepted > 0) {
            return null;
        }
        CsvFileSpec spec = file.spec();
        Map<String, Long> rejects = repository.rejectCounts(period, spec.fileName());
        long rows = rejects.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> outside = spec == CsvFileSpec.BOOKINGS
                ? repository.bookingsOutsideThePeriod(period, spec.fileName()) : Map.of();
        String problem = problem(spec.fileName(), run.period(), rows, rejects.getOrDefault("REJECTED", 0L), outside,
                run.rejectsFile());
        if (rows > 0) {
            AtomicFiles.write(run.rejectsFile(), IntakeStepsConfiguration.rejectsCsv(repository.rejects(period)));
        }
        repository.forgetRejects(period, spec.fileName());
        ExecutionContext context = step.getExecutionContext();
        context.entrySet().stream().map(Map.Entry::getKey).filter(key -> !key.startsWith("batch.")).toList()
                .forEach(context::remove);
        step.setStatus(BatchStatus.FAILED);
        step.addFailureException(new BadInputException(problem));
        return ExitStatus.FAILED.addExitDescription(problem);
    }

    private boolean allowedEmpty(StepExecution step) {
        String allowed = step.getJobExecution().getJobParameters().getString(ALLOW_EMPTY);
        return allowed != null && Arrays.asList(allowed.split(",")).contains(name(file.fileName()));
    }

    /**
     * What is wrong with a required file from which no row was accepted, and how to go on.
     *
     * @param rows     the file's rows, every one of them rejected or an identical re-delivery
     * @param rejected of those, the rows rejected (the rest are re-deliveries)
     * @param outside  of those, the bookings dated outside the period, by month (YYYY-MM)
     */
    static String problem(String file, PayPeriod period, long rows, long rejected, Map<String, Long> outside,
            Path rejectsFile) {
        String name = name(file);
        boolean bookings = name.equals("bookings");
        String otherwise = bookings ? "; for a month without bookings, run it with --allow-empty=" + name : "";
        if (rows == 0) {
            return file + " has no rows, only its header (a cut export?): " + (bookings ? "nothing" : "nobody")
                    + " would be paid for " + period + ". Fix the file and run the same command again" + otherwise;
        }
        long datedOutside = outside.values().stream().mapToLong(Long::longValue).sum();
        // most rows dated in another month: the inbox of another period, not a file with a few bad rows
        if (bookings && datedOutside > 0 && 2 * datedOutside >= rows) {
            String most = outside.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
            return (datedOutside == rejected ? "all " + datedOutside + " bookings of " + file + " are"
                    : datedOutside + " of the " + rows + " rows of " + file + " are") + " dated outside " + period
                    + (outside.size() == 1 ? ", in " : ", most in ") + most + (datedOutside == rejected ? ""
                            : ", and none was accepted") + ": is this " + monthName(most) + "'s inbox? Put the files of "
                    + period + " in this inbox and run the same command again" + otherwise;
        }
        return "none of the " + rows + " rows of " + file + " was accepted (the reasons are in " + rejectsFile
                + "): " + (bookings ? "nothing" : "nobody") + " would be paid for " + period
                + ". Fix the file and run the same command again" + otherwise;
    }

    /** "bookings" for bookings.csv: what --allow-empty takes. */
    static String name(String file) {
        return file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
    }

    /** "October" for 2026-10; the month as it stands if it is not one. */
    private static String monthName(String month) {
        try {
            return YearMonth.parse(month).getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        } catch (java.time.DateTimeException e) {
            return month;
        }
    }
}
