package io.compclose.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.compclose.crediting.CreditRepository;
import io.compclose.delivery.DeliveryRepository;
import io.compclose.intake.IntakeRepository;
import io.compclose.intake.RejectCount;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.payout.PayoutRepository;
import io.compclose.reconciliation.ReviewRepository;
import io.compclose.reconciliation.ReviewRules;
import io.compclose.statement.StatementRepository;
import io.compclose.system.CloseRun;

/** The short summary printed at the end of a close: what a finance person needs to know. */
@Component
public record CloseReport(JobRepository jobRepository, IntakeRepository intake,
        CreditRepository credits, PayoutRepository payouts, StatementRepository statements,
        DeliveryRepository deliveryLog, ReviewRepository review) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    public void print(JobExecution execution, PrintStream out) {
        CloseRun run = CloseRun.from(execution.getJobParameters());
        String period = run.periodKey();
        boolean waiting = CloseHistory.stoppedForReview(execution);
        out.println();
        out.println("Close of " + period + (run.isRevision() ? ", revision " + run.revision() : "") + ": "
                + (waiting ? "STOPPED FOR REVIEW" : execution.getStatus())
                + " (execution " + execution.getId() + duration(execution) + ")");
        out.println();
        out.printf(Locale.ROOT, "  %-20s %-10s %10s %10s%n", "step", "status", "read", "written");
        for (StepExecution step : steps(execution)) {
            out.printf(Locale.ROOT, "  %-20s %-10s %,10d %,10d%n", step.getStepName(), step.getStatus(),
                    step.getReadCount(), RejectCount.stored(step));
        }
        out.println();
        out.println("  " + rejectedRows(intake, period));
        if (!intake.rejectsByFile(period).isEmpty() || intake.duplicates(period) > 0) {
            out.println("    each with file, line, column and reason in " + shown(run.rejectsFile()));
        }
        List<String> uncredited = credits.exceptions(period);
        if (!uncredited.isEmpty()) {
            out.println("  Bookings no crediting rule credits (not paid, review them): " + uncredited.size());
            list(uncredited, 10, "credit_exception", booking -> booking, out);
        }
        List<ReviewRules.ReviewException> exceptions = review.exceptions(run.period(), run.revision());
        if (!exceptions.isEmpty()) {
            Optional<ReviewRepository.Approval> approval = review.approval(run.period(), run.revision());
            out.println("  For review: " + exceptions.size() + approval.map(a -> " (approved by " + a.approvedBy()
                    + " on " + time(a.approvedAt()) + (a.note() == null ? "" : ": " + a.note()) + ")").orElse(""));
            list(exceptions, 20, "review_exception", e -> e.kind() + " " + e.subject() + ": " + e.detail(), out);
        }
        out.println();
        out.printf(Locale.ROOT, "  %-9s %9s %18s %10s %16s%n", "currency", "bookings", "booked ACV", "paid reps",
                "payout");
        for (PayoutRepository.CurrencyTotals t : payouts.currencyTotals(period)) {
            out.printf(Locale.ROOT, "  %-9s %,9d %,18.2f %,10d %,16.2f%n", t.currency(), t.bookings(), t.acv(),
                    t.payees(), t.payout() == null ? BigDecimal.ZERO : t.payout());
        }
        out.println();
        out.println("  Outputs");
        if (waiting) {
            out.println("    payroll file  not yet: waiting for approval");
            out.println("    statements    not yet: waiting for approval");
            out.println("    emails        not yet: waiting for approval");
        } else {
            Path payroll = run.payrollDir().resolve(run.payrollName() + ".csv");
            if (!run.isRevision()) {
                out.println("    payroll file  " + shown(payroll) + " (+ .ctl)");
            } else if (Files.exists(payroll)) {
                out.println("    payroll file  " + shown(payroll) + " (+ .ctl): corrections only, the differences "
                        + "against the files already sent");
            } else {
                out.println("    payroll file  none: revision " + run.revision() + " changes no one's pay");
            }
            layoutFiles(run).forEach(file -> out.println("                  " + shown(file) + " (+ .ctl)"));
            long issued = statements.issued(period, run.revision());
            out.println("    statements    " + shown(run.statementsDir()) + "  (" + issued
                    + (run.isRevision() ? " revised PDF" + (issued == 1 ? "" : "s") + "; the others are unchanged)"
                            : " PDFs)"));
            Map<String, Long> deliveries = deliveryLog.outcomes(period);
            out.println("    emails        " + (deliveries.keySet().stream().anyMatch(k -> k.startsWith("OUTBOX"))
                    ? shown(run.outboxDir()) + "  (" + describe(deliveries) + ")"
                    : deliveries.isEmpty() ? "none" : describe(deliveries)));
            out.println("    summary       " + shown(run.closeSummary()) + ".pdf (+ .csv)");
        }
        out.println("    rejects       " + shown(run.rejectsFile()));
        out.println("    log           " + shown(run.out().resolve("logs").resolve("compclose.log")));
        List<DeliveryRepository.Undelivered> undelivered = deliveryLog.undelivered(run.period());
        if (!undelivered.isEmpty()) {
            out.println();
            out.println("  Statements not delivered: " + undelivered.size());
            list(undelivered, 20, "delivery_log", u -> u.repId() + " to " + u.recipient() + ": "
                    + (u.outcome().equals(DeliveryRepository.SENDING)
                            ? "interrupted while sending, it may or may not have arrived" : u.detail()), out);
            out.println("    once the cause is fixed: java -jar compclose.jar resend --period=" + period
                    + " [--rep=ID]");
        }
    }

    /** {@code Rejected input rows: 13 (bookings.csv 11, reps.csv 2); identical re-deliveries counted once: 2} */
    static String rejectedRows(IntakeRepository intake, String period) {
        Map<String, Long> rejects = intake.rejectsByFile(period);
        long duplicates = intake.duplicates(period);
        return "Rejected input rows: " + rejects.values().stream().mapToLong(Long::longValue).sum()
                + (rejects.isEmpty() ? "" : " (" + String.join(", ", rejects.entrySet().stream()
                        .map(file -> file.getKey() + " " + file.getValue()).toList()) + ")")
                + (duplicates > 0 ? "; identical re-deliveries counted once: " + duplicates : "");
    }

    /** The first {@code most} items, one a line, and how many more the table holds. */
    private static <T> void list(List<T> items, int most, String table, Function<T, String> line, PrintStream out) {
        items.stream().limit(most).forEach(item -> out.println("    " + line.apply(item)));
        if (items.size() > most) {
            out.println("    ... and " + (items.size() - most) + " more in table " + table);
        }
    }

    /** Every step of the close that has run, in the order they ran, whichever execution ran them. */
    private List<StepExecution> steps(JobExecution execution) {
        // not the job's own step names: a flow job that has not run in this process leaves out its split's steps
        return MonthlyCloseJobConfiguration.STEP_ORDER.stream()
                .map(name -> jobRepository.getLastStepExecution(execution.getJobInstance(), name))
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(StepExecution::getId))
                .toList();
    }

    private static String describe(Map<String, Long> deliveries) {
        return String.join(", ", deliveries.entrySet().stream().map(e -> e.getValue() + " " + switch (e.getKey()) {
            case "OUTBOX SENT" -> "written as .eml";
            case "SMTP SENT" -> "sent by SMTP";
            case "SMTP SENDING", "OUTBOX SENDING" ->
                    "unconfirmed (interrupted while sending; not sent again automatically)";
            case "SMTP FAILED", "OUTBOX FAILED" -> "not delivered (listed below)";
            default -> e.getKey().toLowerCase(Locale.ROOT);
        }).toList());
    }

    private static String duration(JobExecution execution) {
        if (execution.getStartTime() == null || execution.getEndTime() == null) {
            return "";
        }
        Duration d = Duration.between(execution.getStartTime(), execution.getEndTime());
        return String.format(Locale.ROOT, ", %.1f s", d.toMillis() / 1000.0);
    }

    /** The files of the configured payroll layouts beside the generic one: {@code payroll-2026-10.adp.csv}. */
    private static List<Path> layoutFiles(CloseRun run) {
        String prefix = run.payrollName() + ".";
        try (var files = Files.list(run.payrollDir())) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".csv") && name.length() > prefix.length() + 4;
            }).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of(); // no payroll folder yet
        }
    }

    /** A path relative to the working folder when it is inside it, which reads better. */
    static String shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
