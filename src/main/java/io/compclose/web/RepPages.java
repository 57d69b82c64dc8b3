package io.compclose.web;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.cli.CloseHistory;
import io.compclose.cli.ServeProperties;
import io.compclose.core.plan.PayPeriod;
import io.compclose.intake.IntakeRepository;
import io.compclose.intake.PlanFiles;
import io.compclose.statement.PayoutSource;
import io.compclose.statement.StatementAssembler;
import io.compclose.statement.StatementAttainment;
import io.compclose.statement.StatementDocument;
import io.compclose.statement.StatementFacts;
import io.compclose.statement.StatementMonth;
import io.compclose.statement.StatementRepository;
import io.compclose.statement.YearToDate;
import io.compclose.system.CloseRun;
import io.compclose.web.RepStatementsRepository.IssuedStatement;

/**
 * What one rep's pages show, read for that rep only: finance's drill-down of a period's pay, the year to date with
 * its attainment chart, and a statement as a page, assembled by the statement's own assembler so it shows what the
 * PDF shows.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RepPages {

    /** The rep's year to date after a period, as its statement of that period gives it. */
    public record YearToDatePage(String period, int version, String repId, String name, String currency,
            YearToDate ytd, List<StatementAttainment> attainments, List<StatementMonth> history,
            List<AttainmentChart> charts) {

        /** Paid in the plan year, this period's payout included. */
        public BigDecimal paid() {
            return ytd.paidBefore().add(ytd.payout());
        }

        /** A draw advanced and clawbacks not yet recovered. */
        public BigDecimal toRecover() {
            return ytd.drawBalance().add(ytd.clawbackBalance());
        }
    }

    /** A statement as a page: the document the PDF renders, or for a replaced version the figures it showed. */
    /** @param planYear the plan year's name ("2026", "FY2027"), whose earlier earnings the statement adds up */
    public record StatementPage(IssuedStatement issued, boolean latest, StatementDocument document,
            List<RepStatementsRepository.Figure> figures, String planYear) {
    }

    private final RepDrillDownRepository drillDown;
    private final RepStatementsRepository issued;
    private final StatementRepository statements;
    private final CloseHistory history;
    private final IntakeRepository intake;
    private final PlanFiles planFiles;
    private final Path out;

    public RepPages(RepDrillDownRepository drillDown, RepStatementsRepository issued, StatementRepository statements,
            CloseHistory history, IntakeRepository intake, PlanFiles planFiles, ServeProperties serve) {
        this.drillDown = drillDown;
        this.issued = issued;
        this.statements = statements;
        this.history = history;
        this.intake = intake;
        this.planFiles = planFiles;
        this.out = serve.out().toAbsolutePath().normalize();
    }

    /** The rep's pay of the period back to its inputs; empty when the period pays the rep nothing. */
    public Optional<RepDrillDown> drillDown(PayPeriod period, String repId) {
        String key = period.toString();
        List<RepDrillDownRepository.Payout> payouts = drillDown.payouts(key, repId);
        if (payouts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RepDrillDown.of(period, repId, drillDown.repName(key, repId).orElse(repId), payouts,
                drillDown.payLines(key, repId), drillDown.earningLines(key, repId), drillDown.credits(key, repId),
                drillDown.bookings(key, repId), drillDown.usageMonths(key, repId), drillDown.figures(key, repId)));
    }

    /**
     * The rep's year to date after the period, from its latest statement of the period, or before any statement
     * (a close stopped for review) from the period's payouts, as the draft statement reads them.
     */
    public Optional<YearToDatePage> yearToDate(PayPeriod period, String repId) {
        Optional<IssuedStatement> statement = issued.of(repId).stream()
                .filter(s -> s.period().equals(period.toString())).findFirst();
        if (statement.isPresent()) {
            return statement.map(s -> yearToDate(s, repId, PayoutSource.PAYROLL_FILES));
        }
        return drillDown.payouts(period.toString(), repId).stream().findFirst().map(p -> yearToDate(
                new IssuedStatement(period.toString(), 0, p.amount(), p.currency(), null), repId,
                PayoutSource.PAYOUTS));
    }

    /** The rep's year to date after the latest period a statement was issued for. */
    public Optional<YearToDatePage> latestYearToDate(String repId) {
        return issued.of(repId).stream().findFirst().map(s -> yearToDate(s, repId, PayoutSource.PAYROLL_FILES));
    }

    private YearToDatePage yearToDate(IssuedStatement s, String repId, PayoutSource source) {
        // the statement's own facts, so the page and the statement give the same year to date
        StatementFacts facts = statements.facts(s.period(), s.version(), Map.of(repId, s.currency()), source)
                .get(repId);
        Map<String, List<StatementAttainment>> byMonth = statements.attainmentsByMonth(s.period(), repId);
        return new YearToDatePage(s.period(), s.version(), repId, drillDown.repName(s.period(), repId).orElse(repId),
                s.currency(), facts.yearToDate(), facts.attainments(), facts.history(), AttainmentChart.of(byMonth));
    }

    /** The rep's statement of the period and version as a page; empty when none was issued. */
    public Optional<StatementPage> statement(String repId, PayPeriod period, int version) {
        List<IssuedStatement> ofPeriod = issued.of(repId).stream().filter(s -> s.period().equals(period.toString()))
                .toList();
        Optional<IssuedStatement> wanted = ofPeriod.stream().filter(s -> s.version() == version).findFirst();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        if (ofPeriod.get(0).version() != version) {
            // a replaced version: the close's tables now hold what replaced it, its figures are what it showed
            return Optional.of(new StatementPage(wanted.get(), false, null,
                    issued.figures(repId, period.toString(), version), statements.fiscalYear().name(period.month())));
        }
        JobExecution last = history.latestExecution(period, out);
        if (last == null) {
            return Optional.empty();
        }
        CloseRun run = CloseRun.from(last.getJobParameters());
        // the rep as the last of the range: the assembler reads this rep's facts only
        StatementAssembler assembler = new StatementAssembler(period, version, intake.roster(period.toString()),
                planFiles.catalog(run.plans()), statements, repId);
        return Optional.of(new StatementPage(wanted.get(), true, assembler.assemble(repId), List.of(),
                statements.fiscalYear().name(period.month())));
    }
}
