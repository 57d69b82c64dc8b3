package io.compclose.intake;

import io.compclose.core.input.AccountOwner;
import io.compclose.core.input.Adjustment;
import io.compclose.core.input.BilledUsage;
import io.compclose.core.input.Booking;
import io.compclose.core.input.Cancellation;
import io.compclose.core.input.FxRate;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.RepFigure;
import io.compclose.core.input.Split;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

import io.compclose.plan.CreditingRulesFile;
import io.compclose.core.money.FxConversion;
import io.compclose.rules.Conditions;
import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseProperties;
import io.compclose.system.CloseRun;
import io.compclose.system.ExtractProperties;
import io.compclose.system.SpreadsheetSafe;
import io.compclose.system.StepFactory;

/**
 * Intake: validate the plans; load the roster, FX rates, bookings, splits, cancellations, KPIs, activities,
 * account owners, usage and adjustments; publish the rejects.
 */
@Configuration
public class IntakeStepsConfiguration {

    private static final String PARAMS = "#{jobParameters}";

    @Bean
    Step validatePlans(StepFactory steps, PlanFiles planFiles) {
        return steps.tasklet("validatePlans", (contribution, chunkContext) -> {
            planFiles.forget();
            CloseRun run = CloseRun.from(chunkContext.getStepContext().getJobParameters());
            planFiles.catalog(run.plans());
            // crediting rules are checked with the plans, before any row is read
            new CreditingRulesFile(Conditions::problem).read(run.inbox());
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step loadReps(StepFactory steps, CsvRowReader repsReader,
            ItemProcessor<CsvRow, IntakeItem<RepAssignment>> repValidation, IntakeWriter<RepAssignment> repsWriter,
            IntakeRepository repository) {
        return steps.<CsvRow, IntakeItem<RepAssignment>>intakeChunk("loadReps", e -> dataLines(e, CsvFileSpec.REPS))
                .reader(repsReader).processor(repValidation).writer(repsWriter)
                .listener((StepExecutionListener) new RequiredRowsCheck(CsvFileSpec.REPS, "rep_assignment", repository))
                .build();
    }

    @Bean
    Step loadBookings(StepFactory steps, AbstractItemCountingItemStreamItemReader<CsvRow> bookingsReader,
            ItemProcessor<CsvRow, IntakeItem<Booking>> bookingValidation, IntakeWriter<Booking> bookingsWriter,
            IntakeRepository repository) {
        return steps.<CsvRow, IntakeItem<Booking>>intakeChunk("loadBookings", e -> dataLines(e, CsvFileSpec.BOOKINGS))
                .reader(bookingsReader).processor(bookingValidation).writer(bookingsWriter)
                .listener((StepExecutionListener) new RequiredRowsCheck(CsvFileSpec.BOOKINGS, "booking", repository))
                .build();
    }

    @Bean
    Step loadSplits(StepFactory steps, CsvRowReader splitsReader, ItemProcessor<CsvRow, IntakeItem<Split>> splitValidation,
            IntakeWriter<Split> splitsWriter) {
        return steps.<CsvRow, IntakeItem<Split>>intakeChunk("loadSplits", e -> dataLines(e, CsvFileSpec.SPLITS))
                .reader(splitsReader).processor(splitValidation).writer(splitsWriter).build();
    }

    @Bean
    @StepScope
    CsvRowReader splitsReader(@Value(PARAMS) Map<String, Object> params) {
        return new CsvRowReader(CloseRun.from(params).inbox(), CsvFileSpec.SPLITS);
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<Split>> splitValidation(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        String period = CloseRun.from(params).periodKey();
        return new SplitValidator(repository.roster(period),
                id -> repository.booking(period, id).map(Booking::bookedOn), repository.splits(period))::validate;
    }

    @Bean
    @StepScope
    IntakeWriter<Split> splitsWriter(@Value(PARAMS) Map<String, Object> params, IntakeRepository repository) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveSplits, repository);
    }

    @Bean
    Step loadAdjustments(StepFactory steps, CsvRowReader adjustmentsReader,
            ItemProcessor<CsvRow, IntakeItem<Adjustment>> adjustmentValidation,
            IntakeWriter<Adjustment> adjustmentsWriter) {
        return steps.<CsvRow, IntakeItem<Adjustment>>intakeChunk("loadAdjustments",
                        e -> dataLines(e, CsvFileSpec.ADJUSTMENTS))
                .reader(adjustmentsReader).processor(adjustmentValidation).writer(adjustmentsWriter).build();
    }

    @Bean
    @StepScope
    CsvRowReader adjustmentsReader(@Value(PARAMS) Map<String, Object> params) {
        return new CsvRowReader(CloseRun.from(params).inbox(), CsvFileSpec.ADJUSTMENTS);
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<Adjustment>> adjustmentValidation(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        CloseRun run = CloseRun.from(params);
        String period = run.periodKey();
        return new AdjustmentValidator(run.period(), repository.roster(period), repository.adjustments(period),
                id -> repository.adjustmentPaidIn(id, period))::validate;
    }

    @Bean
    @StepScope
    IntakeWriter<Adjustment> adjustmentsWriter(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveAdjustments, repository);
    }

    @Bean
    Step loadCancellations(StepFactory steps, CsvRowReader cancellationsReader,
            ItemProcessor<CsvRow, IntakeItem<Cancellation>> cancellationValidation,
            IntakeWriter<Cancellation> cancellationsWriter) {
        return steps.<CsvRow, IntakeItem<Cancellation>>intakeChunk("loadCancellations",
                        e -> dataLines(e, CsvFileSpec.CANCELLATIONS))
                .reader(cancellationsReader).processor(cancellationValidation).writer(cancellationsWriter).build();
    }

    @Bean
    Step loadKpis(StepFactory steps, CsvRowReader kpisReader, ItemProcessor<CsvRow, IntakeItem<RepFigure>> kpiValidation,
            IntakeWriter<RepFigure> figuresWriter) {
        return steps.<CsvRow, IntakeItem<RepFigure>>intakeChunk("loadKpis", e -> dataLines(e, CsvFileSpec.KPIS))
                .reader(kpisReader).processor(kpiValidation).writer(figuresWriter).build();
    }

    @Bean
    Step loadActivities(StepFactory steps, CsvRowReader activitiesReader,
            ItemProcessor<CsvRow, IntakeItem<RepFigure>> activityValidation, IntakeWriter<RepFigure> figuresWriter) {
        return steps.<CsvRow, IntakeItem<RepFigure>>intakeChunk("loadActivities",
                        e -> dataLines(e, CsvFileSpec.ACTIVITIES))
                .reader(activitiesReader).processor(activityValidation).writer(figuresWriter).build();
    }

    @Bean
    Step loadFxRates(StepFactory steps, CsvRowReader fxRatesReader, ItemProcessor<CsvRow, IntakeItem<FxRate>> fxValidation,
            IntakeWriter<FxRate> fxRatesWriter) {
        return steps.<CsvRow, IntakeItem<FxRate>>intakeChunk("loadFxRates", e -> dataLines(e, CsvFileSpec.FX_RATES))
                .reader(fxRatesReader).processor(fxValidation).writer(fxRatesWriter).build();
    }

    @Bean
    Step loadAccountOwners(StepFactory steps, CsvRowReader accountOwnersReader,
            ItemProcessor<CsvRow, IntakeItem<AccountOwner>> accountOwnerValidation,
            IntakeWriter<AccountOwner> accountOwnersWriter) {
        return steps.<CsvRow, IntakeItem<AccountOwner>>intakeChunk("loadAccountOwners",
                        e -> dataLines(e, CsvFileSpec.ACCOUNT_OWNERS))
                .reader(accountOwnersReader).processor(accountOwnerValidation).writer(accountOwnersWriter).build();
    }

    @Bean
    Step loadUsage(StepFactory steps, AbstractItemCountingItemStreamItemReader<IntakeItem<BilledUsage>> usageReader,
            IntakeWriter<BilledUsage> usageWriter) {
        return steps.<IntakeItem<BilledUsage>, IntakeItem<BilledUsage>>intakeChunk("loadUsage",
                e -> dataLines(e, CsvFileSpec.USAGE)).reader(usageReader).writer(usageWriter).build();
    }

    /** Usage per account and month, and which rows replace an earlier delivery: set-based, after the load. */
    @Bean
    Step summariseUsage(StepFactory steps, UsageSummary usageSummary) {
        return steps.tasklet("summariseUsage", (contribution, chunkContext) -> {
            usageSummary.summarise(CloseRun.from(chunkContext.getStepContext().getJobParameters()).period());
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step publishRejects(StepFactory steps, IntakeRepository repository) {
        return steps.tasklet("publishRejects", (contribution, chunkContext) -> {
            CloseRun run = CloseRun.from(chunkContext.getStepContext().getJobParameters());
            AtomicFiles.write(run.rejectsFile(), rejectsCsv(repository, run.periodKey()));
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    @StepScope
    CsvRowReader repsReader(@Value(PARAMS) Map<String, Object> params) {
        return new CsvRowReader(CloseRun.from(params).inbox(), CsvFileSpec.REPS);
    }

    /** bookings.csv, or the configured query against the CRM replica; read ahead of the step. */
    @Bean
    @StepScope
    AbstractItemCountingItemStreamItemReader<CsvRow> bookingsReader(@Value(PARAMS) Map<String, Object> params,
            ExtractProperties extract, CloseProperties properties) {
        return new ReadAhead<>(ExtractRowReader.of(extract, CloseRun.from(params).inbox(), CsvFileSpec.BOOKINGS),
                2 * properties.intakeChunkSize());
    }

    @Bean
    @StepScope
    CsvRowReader cancellationsReader(@Value(PARAMS) Map<String, Object> params) {
        return new CsvRowReader(CloseRun.from(params).inbox(), CsvFileSpec.CANCELLATIONS);
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<Cancellation>> cancellationValidation(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        CloseRun run = CloseRun.from(params);
        List<String> bookingPeriods = repository.bookingPeriods(run.periodKey());
        CancellationValidator validator = new CancellationValidator(run.period(),
                bookingId -> repository.bookingHistory(bookingId, run.periodKey(), bookingPeriods),
                repository.cancellations(run.periodKey()));
        return validator::validate;
    }

    @Bean
    @StepScope
    CsvRowReader kpisReader(@Value(PARAMS) Map<String, Object> params) {
        return new CsvRowReader(CloseRun.from(params).inbox(), CsvFileSpec.KPIS);
    }

    @Bean
    @StepScope
    CsvRowReader activitiesReader(@Value(PARAMS) Map<String, Object> params) {
        return new CsvRowReader(CloseRun.from(params).inbox(), CsvFileSpec.ACTIVITIES);
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<RepFigure>> kpiValidation(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        CloseRun run = CloseRun.from(params);
        return new RepFigureValidator(run.period(), repository.roster(run.periodKey()),
                repository.figures(run.periodKey(), CsvFileSpec.KPIS.fileName()))::validateKpi;
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<RepFigure>> activityValidation(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        CloseRun run = CloseRun.from(params);
        return new RepFigureValidator(run.period(), repository.roster(run.periodKey()),
                repository.figures(run.periodKey(), CsvFileSpec.ACTIVITIES.fileName()))::validateActivity;
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<RepAssignment>> repValidation(@Value(PARAMS) Map<String, Object> params,
            PlanFiles planFiles, IntakeRepository repository) {
        CloseRun run = CloseRun.from(params);
        RosterValidator validator = new RosterValidator(planFiles.catalog(run.plans()),
                repository.roster(run.periodKey()));
        return validator::validate;
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<Booking>> bookingValidation(@Value(PARAMS) Map<String, Object> params,
            PlanFiles planFiles, IntakeRepository repository, StoredAcceptedRows<Booking> acceptedBookings) {
        CloseRun run = CloseRun.from(params);
        BookingValidator validator = new BookingValidator(run.period(), repository.roster(run.periodKey()),
                planFiles.catalog(run.plans()), acceptedBookings,
                repository.fxRates(run.periodKey(), run.periodKey()), repository.lockedPeriods(),
                repository.earlierDeliveries(run.periodKey()),
                RosterRejects.read(run.inbox(), repository.rejects(run.periodKey(), CsvFileSpec.REPS.fileName())));
        return validator::validate;
    }

    @Bean
    @StepScope
    IntakeWriter<RepAssignment> repsWriter(@Value(PARAMS) Map<String, Object> params, IntakeRepository repository) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveAssignments, repository);
    }

    @Bean
    @StepScope
    IntakeWriter<Booking> bookingsWriter(@Value(PARAMS) Map<String, Object> params, IntakeRepository repository,
            StoredAcceptedRows<Booking> acceptedBookings) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveBookings, repository,
                acceptedBookings::written);
    }

    /** The bookings accepted so far, shared by the step's validation and its writer; fixed memory. */
    @Bean
    @StepScope
    StoredAcceptedRows<Booking> acceptedBookings(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        String period = CloseRun.from(params).periodKey();
        return new StoredAcceptedRows<>(repository.bookingIds(period), id -> repository.booking(period, id));
    }

    @Bean
    @StepScope
    IntakeWriter<Cancellation> cancellationsWriter(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveCancellations, repository);
    }

    @Bean
    @StepScope
    IntakeWriter<RepFigure> figuresWriter(@Value(PARAMS) Map<String, Object> params, IntakeRepository repository) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveFigures, repository);
    }

    @Bean
    @StepScope
    CsvRowReader fxRatesReader(@Value(PARAMS) Map<String, Object> params) {
        return new CsvRowReader(CloseRun.from(params).inbox(), CsvFileSpec.FX_RATES);
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<FxRate>> fxValidation(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        CloseRun run = CloseRun.from(params);
        String period = run.periodKey();
        return new FxRateValidator(run.period(), repository.baseCurrency(), repository.fxRatesDelivered(period),
                (currency, month) -> repository.earlierFxRate(period, currency, month))::validate;
    }

    @Bean
    @StepScope
    IntakeWriter<FxRate> fxRatesWriter(@Value(PARAMS) Map<String, Object> params, IntakeRepository repository) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveFxRates, repository);
    }

    @Bean
    @StepScope
    CsvRowReader accountOwnersReader(@Value(PARAMS) Map<String, Object> params) {
        return new CsvRowReader(CloseRun.from(params).inbox(), CsvFileSpec.ACCOUNT_OWNERS);
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRow, IntakeItem<AccountOwner>> accountOwnerValidation(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        String period = CloseRun.from(params).periodKey();
        return new AccountOwnerValidator(repository.roster(period), repository.accountOwners(period))::validate;
    }

    @Bean
    @StepScope
    IntakeWriter<AccountOwner> accountOwnersWriter(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveAccountOwners, repository);
    }

    /**
     * usage.csv, or the configured query against the billing replica; read and validated ahead of the
     * step, which only writes.
     */
    @Bean
    @StepScope
    AbstractItemCountingItemStreamItemReader<IntakeItem<BilledUsage>> usageReader(
            @Value(PARAMS) Map<String, Object> params, ExtractProperties extract, CloseProperties properties,
            IntakeRepository repository, StoredAcceptedRows<BilledUsage> acceptedUsage) {
        CloseRun run = CloseRun.from(params);
        FxConversion rates = repository.fxRates(run.periodKey(), run.periodKey());
        UsageValidator validator = new UsageValidator(run.period(), acceptedUsage, rates::knows);
        return ReadAhead.processing(ExtractRowReader.of(extract, run.inbox(), CsvFileSpec.USAGE),
                2 * properties.intakeChunkSize(), validator::validate);
    }

    @Bean
    @StepScope
    IntakeWriter<BilledUsage> usageWriter(@Value(PARAMS) Map<String, Object> params, IntakeRepository repository,
            StoredAcceptedRows<BilledUsage> acceptedUsage) {
        return new IntakeWriter<>(CloseRun.from(params).periodKey(), repository::saveUsage, repository,
                acceptedUsage::written);
    }

    /**
     * The usage rows accepted so far, shared by the step's validation and its writer; fixed memory. Not a
     * proxy: validation runs on the read-ahead thread, where no step scope is active.
     */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    StoredAcceptedRows<BilledUsage> acceptedUsage(@Value(PARAMS) Map<String, Object> params,
            IntakeRepository repository) {
        String period = CloseRun.from(params).periodKey();
        return new StoredAcceptedRows<>(repository.usageIds(period), id -> repository.usage(period, id));
    }

    static byte[] rejectsCsv(IntakeRepository repository, String period) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord("file", "line", "column", "reason", "raw_value");
            for (Reject r : repository.rejects(period)) {
                csv.printRecord(r.file(), r.line(), SpreadsheetSafe.text(r.column()), SpreadsheetSafe.text(r.reason()),
                        SpreadsheetSafe.text(r.rawValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long dataLines(StepExecution execution, CsvFileSpec spec) {
        return dataLines(CloseRun.of(execution).inbox(), spec);
    }

    /** Physical lines after the header: a cheap estimate of the rows for the progress line. */
    static long dataLines(Path inbox, CsvFileSpec spec) {
        Path file = inbox.resolve(spec.fileName());
        if (!spec.required() && !Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return Math.max(lines.count() - 1, 0);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
