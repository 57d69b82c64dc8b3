package io.compclose.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import io.compclose.cli.CloseHistory;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.period.PeriodLifecycleRepository;
import io.compclose.system.Amounts;
import io.compclose.system.CloseRun;
import io.compclose.system.PayCalendar;

/** Every period a close has run for, newest first, with what finance looks at first. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public class PeriodOverview {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JobRepository jobRepository;
    private final PeriodLifecycleRepository lifecycle;
    private final PeriodFiguresRepository figures;
    private final java.time.Clock clock;
    private final PayCalendar calendar;

    public PeriodOverview(JobRepository jobRepository, PeriodLifecycleRepository lifecycle,
            PeriodFiguresRepository figures, java.time.Clock clock, PayCalendar calendar) {
        this.calendar = calendar;
        this.clock = clock;
        this.jobRepository = jobRepository;
        this.lifecycle = lifecycle;
        this.figures = figures;
    }

    public List<PeriodRow> periods() {
        Map<String, JobExecution> lastRuns = lastRuns();
        Map<String, List<PeriodFiguresRepository.Payout>> payouts = figures.payouts().stream()
                .collect(Collectors.groupingBy(PeriodFiguresRepository.Payout::period, TreeMap::new, Collectors.toList()));
        Map<String, Long> rejects = counts(figures.rejects());
        Map<String, Long> exceptions = counts(figures.exceptions());
        Map<String, PeriodFiguresRepository.Approval> approvals = figures.approvals().stream()
                .collect(Collectors.toMap(PeriodFiguresRepository.Approval::period, a -> a));
        TreeSet<String> periods = new TreeSet<>(lastRuns.keySet());
        periods.addAll(payouts.keySet());
        List<PeriodRow> rows = new ArrayList<>();
        for (String period : periods.descendingSet()) {
            List<PeriodFiguresRepository.Payout> paid = payouts.getOrDefault(period, List.of());
            PayPeriod payPeriod = calendar.period(period);
            Map<String, BigDecimal> before = Optional.ofNullable(payouts.get(calendar.schedule().previous(payPeriod)
                    .id())).orElse(List.of()).stream().collect(Collectors.toMap(
                            PeriodFiguresRepository.Payout::currency, PeriodFiguresRepository.Payout::amount));
            rows.add(new PeriodRow(period, state(lifecycle.state(payPeriod)),
                    Optional.ofNullable(lastRuns.get(period)).map(PeriodOverview::outcome).orElse("no close run"),
                    paid.stream().map(p -> p.currency() + " " + Amounts.format(p.amount())).toList(),
                    paid.stream().map(p -> change(p.amount(), before.get(p.currency()))).toList(),
                    paid.stream().mapToInt(PeriodFiguresRepository.Payout::reps).sum(),
                    exceptions.getOrDefault(period, 0L),
                    Optional.ofNullable(approvals.get(period)).map(a -> a.approvedBy() + " on "
                            + MINUTES.format(a.approvedAt())).orElse(""),
                    rejects.getOrDefault(period, 0L)));
        }
        return rows;
    }

    /**
     * The period a new close is most likely for: the one after the latest closed (or locked) period, else after
     * the latest period any close ran for, else the one before today's.
     */
    public PayPeriod nextToClose(List<PeriodRow> rows) {
        PaySchedule schedule = calendar.schedule();
        // period names sort in time order
        return rows.stream().filter(row -> row.state().startsWith("closed") || row.state().startsWith("locked"))
                .map(PeriodRow::period).max(Comparator.naturalOrder())
                .or(() -> rows.stream().map(PeriodRow::period).max(Comparator.naturalOrder()))
                .map(latest -> schedule.next(calendar.period(latest)))
                .orElseGet(() -> schedule.previous(schedule.containing(java.time.LocalDate.now(clock))));
    }

    /** The latest execution of each period's close. */
    private Map<String, JobExecution> lastRuns() {
        Map<String, JobExecution> last = new TreeMap<>();
        jobRepository.findJobInstances(MonthlyCloseJobConfiguration.JOB_NAME).stream()
                .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
                .sorted(Comparator.comparingLong(JobExecution::getId))
                .forEach(execution -> last.put(CloseRun.from(execution.getJobParameters()).periodKey(), execution));
        return last;
    }

    /** "open", "closed", "locked", with the revision from the second on. */
    private static String state(PeriodLifecycleRepository.PeriodState state) {
        return state.state().name().toLowerCase(java.util.Locale.ROOT)
                + (state.revision() > 1 ? ", revision " + state.revision() : "");
    }

    private static String outcome(JobExecution execution) {
        String status = CloseHistory.stoppedForReview(execution) ? "stopped for review"
                : execution.getStatus().name().toLowerCase(java.util.Locale.ROOT);
        return status + (execution.getEndTime() == null ? " (running)" : " " + MINUTES.format(execution.getEndTime()));
    }

    private static String change(BigDecimal now, BigDecimal before) {
        if (before == null) {
            return "new";
        }
        BigDecimal change = now.subtract(before);
        return (change.signum() > 0 ? "+" : "") + Amounts.format(change);
    }

    private static Map<String, Long> counts(List<PeriodFiguresRepository.Count> counts) {
        return counts.stream().collect(Collectors.toMap(PeriodFiguresRepository.Count::period,
                PeriodFiguresRepository.Count::count));
    }
}
