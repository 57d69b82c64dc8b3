package io.compclose.intake;

import io.compclose.core.input.BilledUsage;
import io.compclose.core.input.Booking;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.env.Environment;

import io.compclose.core.money.FxConversion;
import io.compclose.plan.CreditingRulesFile;
import io.compclose.rules.Conditions;
import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseProperties;
import io.compclose.system.CloseRun;
import io.compclose.system.ExtractProperties;
import io.compclose.system.PayCalendar;
import io.compclose.system.SpreadsheetSafe;
import io.compclose.system.StepFactory;

/**
 * Intake: validate the plans; load the roster, FX rates, bookings, splits, cancellations, KPIs, activities,
 * account owners, usage, adjustments and team pool points; publish the rejects.
 */
@Configuration
@Import({IntakeStepsConfiguration.LoadStepRegistrar.class, IntakeStepsConfiguration.LoadSteps.class})
public class IntakeStepsConfiguration {

    /** The step a step-scoped bean is made for: a load step's name says which file it loads. */
    private static final String STEP = "#{stepExecution.stepName}";

    @Bean
    Step validatePlans(StepFactory steps, PlanFiles planFiles) {
        return steps.once("validatePlans", execution -> {
            planFiles.forget();
            CloseRun run = CloseRun.of(execution);
            planFiles.catalog(run.plans());
            // crediting rules are checked with the plans, before any row is read
            new CreditingRulesFile(Conditions::problem).read(run.inbox());
        });
    }

    /**
     * Registers a load step for each file but usage (validated as it is read ahead: see loadUsage), under the
     * step's name, as the job's configuration asks for it.
     */
    static final class LoadStepRegistrar implements BeanRegistrar {

        @Override
        public void register(BeanRegistry registry, Environment environment) {
            for (InputFile file : InputFile.values()) {
                if (file != InputFile.USAGE) {
                    registry.registerBean(file.step(), Step.class,
                            spec -> spec.supplier(context -> context.bean(LoadSteps.class).step(file)));
                }
            }
        }
    }

    /**
     * Makes a file's load step: its rows read, validated and written by the step-scoped beans of the step,
     * which its name tells which file to load. A required file must leave an accepted row.
     */
    record LoadSteps(StepFactory steps, AbstractItemCountingItemStreamItemReader<CsvRow> inputRows,
            InputLoad<?> inputLoad, IntakeRepository repository) {

        Step step(InputFile file) {
            var step = steps.<CsvRow, IntakeItem<?>>intakeChunk(file.step(),
                    e -> dataLines(CloseRun.of(e).inbox(), file.spec()))
                    .reader(inputRows).processor(row -> inputLoad.validate(row)).writer(inputLoad::write);
            step.listener((StepListener) new RejectCount());
            if (file == InputFile.ADJUSTMENTS) {
                step.listener((StepExecutionListener) new InquiryAdjustments(repository));
            }
            if (file.spec().required()) {
                step.listener((StepExecutionListener) new RequiredRowsCheck(file, repository));
            }
            return step.build();
        }
    }

    /** A file's rows; bookings.csv may be the configured query against the CRM replica, read ahead of the step. */
    @Bean
    @StepScope
    AbstractItemCountingItemStreamItemReader<CsvRow> inputRows(CloseRun run, @Value(STEP) String step,
            ExtractProperties extract, CloseProperties properties) {
        CsvFileSpec spec = InputFile.readBy(step).orElseThrow().spec();
        return spec == CsvFileSpec.BOOKINGS
                ? new ReadAhead<>(ExtractRowReader.of(extract, run.inbox(), spec), 2 * properties.intakeChunkSize())
                : new CsvRowReader(run.inbox(), spec);
    }

    /** Each file's validation and the table its rows go to; a restarted step continues with what it stored. */
    @Bean
    @StepScope
    InputLoad<?> inputLoad(CloseRun run, @Value(STEP) String step, IntakeRepository repository,
            PlanFiles planFiles, PayCalendar calendar) {
        String period = run.periodKey();
        return switch (InputFile.readBy(step).orElseThrow()) {
            case REPS -> load(period, repository, IntakeRepository.ASSIGNMENTS,
                    new RosterValidator(planFiles.catalog(run.plans()), repository.roster(period))::validate);
            case BOOKINGS -> {
                StoredAcceptedRows<Booking> accepted = new StoredAcceptedRows<>(repository.bookingIds(period),
                        id -> repository.booking(period, id));
                yield new InputLoad<>(new BookingValidator(run.period(), repository.roster(period),
                        planFiles.catalog(run.plans()), accepted, repository.fxRates(period, period),
                        repository.lockedPeriods(), repository.earlierDeliveries(period),
                        RosterRejects.read(run.inbox(), repository.rejects(period, CsvFileSpec.REPS.fileName())),
                        calendar.fiscalYear(), run.schedule())::validate, new IntakeWriter<>(period, repository,
                        IntakeRepository.BOOKINGS,
                                accepted::written));
            }
            case SPLITS -> load(period, repository, IntakeRepository.SPLITS,
                    new SplitValidator(repository.roster(period), id -> repository.booking(period, id)
                            .map(Booking::bookedOn), AcceptedRows.inMemory(repository.splits(period)))::validate);
            case ADJUSTMENTS -> load(period, repository, IntakeRepository.ADJUSTMENTS,
                    new AdjustmentValidator(run.period(), repository.roster(period),
                            AcceptedRows.inMemory(repository.adjustments(period)),
                            id -> repository.adjustmentPaidIn(id, period))::validate);
            case CANCELLATIONS -> {
                List<String> bookingPeriods = repository.bookingPeriods(period);
                yield load(period, repository, IntakeRepository.CANCELLATIONS, new CancellationValidator(run.period(),
                        bookingId -> repository.bookingHistory(bookingId, period, bookingPeriods),
                        repository.cancellations(period))::validate);
            }
            case KPIS -> load(period, repository, IntakeRepository.FIGURES, new RepFigureValidator(run.month(),
                    repository.roster(period), repository.figures(period, CsvFileSpec.KPIS.fileName()),
                    calendar.fiscalYear())::validateKpi);
            case ACTIVITIES -> {
                RepFigureValidator activities = new RepFigureValidator(run.month(), repository.roster(period),
                        repository.figures(period, CsvFileSpec.ACTIVITIES.fileName()), calendar.fiscalYear());
                yield load(period, repository, IntakeRepository.FIGURES, row -> activities.validateActivity(row,
                        run.period()));
            }
            case FX_RATES -> load(period, repository, IntakeRepository.FX_RATES, new FxRateValidator(run.month(),
                    repository.baseCurrency(), AcceptedRows.inMemory(repository.fxRatesDelivered(period)),
                    (currency, month) -> repository.earlierFxRate(period, currency, month))::validate);
            case ACCOUNT_OWNERS -> load(period, repository, IntakeRepository.ACCOUNT_OWNERS,
                    new AccountOwnerValidator(repository.roster(period), repository.accountOwners(period))::validate);
            case POOL_POINTS -> load(period, repository, IntakeRepository.FIGURES, new PoolPointsValidator(run.month(),
                    repository.roster(period), repository.figures(period, CsvFileSpec.POOL_POINTS.fileName()),
                    calendar.fiscalYear())::validate);
            case USAGE -> throw new IllegalStateException("usage is validated as it is read ahead: see usageReader");
        };
    }

    /** A file's rows, each validated, the accepted ones stored in {@code table}. */
    private static <T> InputLoad<T> load(String period, IntakeRepository repository,
            IntakeRepository.TableRows<T> table, Function<CsvRow, IntakeItem<T>> validation) {
        return new InputLoad<>(validation, new IntakeWriter<>(period, repository, table, rows -> { }));
    }

    @Bean
    Step loadUsage(StepFactory steps, AbstractItemCountingItemStreamItemReader<IntakeItem<BilledUsage>> usageReader,
            IntakeWriter<BilledUsage> usageWriter) {
        return steps.<IntakeItem<BilledUsage>, IntakeItem<BilledUsage>>intakeChunk(InputFile.USAGE.step(),
                        e -> dataLines(CloseRun.of(e).inbox(), CsvFileSpec.USAGE))
                .reader(usageReader).writer(usageWriter).listener((StepListener) new RejectCount()).build();
    }

    /** Usage per account and month, and which rows replace an earlier delivery: set-based, after the load. */
    @Bean
    Step summariseUsage(StepFactory steps, UsageSummaryRepository usageSummary) {
        return steps.once("summariseUsage", execution -> usageSummary.summarise(CloseRun.of(execution).period()));
    }

    @Bean
    Step publishRejects(StepFactory steps, IntakeRepository repository) {
        return steps.once("publishRejects", execution -> {
            CloseRun run = CloseRun.of(execution);
            AtomicFiles.write(run.rejectsFile(), rejectsCsv(repository.rejects(run.periodKey())));
        });
    }

    /**
     * usage.csv, or the configured query against the billing replica; read and validated ahead of the
     * step, which only writes.
     */
    @Bean
    @StepScope
    AbstractItemCountingItemStreamItemReader<IntakeItem<BilledUsage>> usageReader(CloseRun run,
            ExtractProperties extract, CloseProperties properties, IntakeRepository repository,
            StoredAcceptedRows<BilledUsage> acceptedUsage) {
        FxConversion rates = repository.fxRates(run.periodKey(), run.periodKey());
        UsageValidator validator = new UsageValidator(run.month(), acceptedUsage, rates::knows);
        return ReadAhead.processing(ExtractRowReader.of(extract, run.inbox(), CsvFileSpec.USAGE),
                2 * properties.intakeChunkSize(), validator::validate);
    }

    @Bean
    @StepScope
    IntakeWriter<BilledUsage> usageWriter(CloseRun run, IntakeRepository repository,
            StoredAcceptedRows<BilledUsage> acceptedUsage) {
        return new IntakeWriter<>(run.periodKey(), repository, IntakeRepository.USAGE, acceptedUsage::written);
    }

    /**
     * The usage rows accepted so far, shared by the step's validation and its writer; fixed memory. Not a
     * proxy: validation runs on the read-ahead thread, where no step scope is active.
     */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    StoredAcceptedRows<BilledUsage> acceptedUsage(CloseRun run, IntakeRepository repository) {
        String period = run.periodKey();
        return new StoredAcceptedRows<>(repository.usageIds(period), id -> repository.usage(period, id));
    }

    /** rejects.csv: the close's, or the usage intake's of its preview. */
    public static byte[] rejectsCsv(List<Reject> rejects) {
        return csv(csv -> {
            csv.printRecord("file", "line", "column", "reason", "raw_value");
            for (Reject r : rejects) {
                csv.printRecord(r.file(), r.line(), SpreadsheetSafe.text(r.column()), SpreadsheetSafe.text(r.reason()),
                        SpreadsheetSafe.text(r.rawValue()));
            }
        });
    }

    /** What a CSV file of intake holds: its records, printed in order. */
    interface CsvRecords {
        void print(CSVPrinter csv) throws IOException;
    }

    /** A CSV file intake writes, as UTF-8 bytes: RFC 4180 with "\n" line ends. */
    static byte[] csv(CsvRecords records) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            records.print(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
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
