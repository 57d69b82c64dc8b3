package io.compclose.intake;

import io.compclose.core.input.BilledUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

import io.compclose.system.AtomicFiles;
import io.compclose.system.CloseProperties;
import io.compclose.system.ExtractProperties;
import io.compclose.system.SpreadsheetSafe;
import io.compclose.system.StepFactory;
import io.compclose.system.UsageIntakeRun;

/**
 * The daily usage intake: the month-to-date usage.csv (or the billing replica's query) read and
 * validated by the close's own {@link UsageValidator}, into tables of its own, and published as a
 * preview: accepted revenue per account, month and currency, and the rows the close would reject.
 * Finance sees a bad delivery weeks before the close instead of on the day.
 */
@Configuration
public class UsagePreviewStepsConfiguration {

    private static final String PARAMS = "#{jobParameters}";
    /** usage.csv is optional in the close; the usage intake exists to read it. */
    private static final CsvFileSpec USAGE_TO_DATE = CsvFileSpec.USAGE.requiredFile(true);

    /** Each day's file is the month so far, whole: yesterday's preview gives way to it. */
    @Bean
    Step clearUsagePreview(StepFactory steps, UsagePreviewRepository preview) {
        return steps.once("clearUsagePreview",
                execution -> preview.clear(UsageIntakeRun.of(execution).periodKey()));
    }

    @Bean
    Step stageUsage(StepFactory steps,
            AbstractItemCountingItemStreamItemReader<IntakeItem<BilledUsage>> usageToDateReader,
            IntakeWriter<BilledUsage> usageToDateWriter) {
        return steps.<IntakeItem<BilledUsage>, IntakeItem<BilledUsage>>intakeChunk("stageUsage",
                        e -> IntakeStepsConfiguration.dataLines(UsageIntakeRun.of(e).inbox(), USAGE_TO_DATE))
                .reader(usageToDateReader).writer(usageToDateWriter).build();
    }

    @Bean
    Step publishUsagePreview(StepFactory steps, UsagePreviewRepository preview) {
        return steps.once("publishUsagePreview", execution -> {
            UsageIntakeRun run = UsageIntakeRun.of(execution);
            AtomicFiles.write(run.previewFile(), accountTotalsCsv(preview, run.periodKey()));
            AtomicFiles.write(run.rejectsFile(), IntakeStepsConfiguration.rejectsCsv(preview.rejects(run.periodKey())));
        });
    }

    /**
     * Read and validated ahead of the step, as the close's usage is, but for FX: the month's rates arrive
     * with the close's fx_rates.csv, so a foreign currency is accepted here and the command names it as
     * still needing a rate.
     */
    @Bean
    @StepScope
    AbstractItemCountingItemStreamItemReader<IntakeItem<BilledUsage>> usageToDateReader(
            @Value(PARAMS) Map<String, Object> params, ExtractProperties extract, CloseProperties properties,
            StoredAcceptedRows<BilledUsage> acceptedUsageToDate) {
        UsageIntakeRun run = UsageIntakeRun.from(params);
        return ReadAhead.processing(ExtractRowReader.of(extract, run.inbox(), USAGE_TO_DATE),
                2 * properties.intakeChunkSize(),
                new UsageValidator(run.period(), acceptedUsageToDate, currency -> true)::validate);
    }

    @Bean
    @StepScope
    IntakeWriter<BilledUsage> usageToDateWriter(@Value(PARAMS) Map<String, Object> params,
            UsagePreviewRepository preview, StoredAcceptedRows<BilledUsage> acceptedUsageToDate) {
        return new IntakeWriter<>(UsageIntakeRun.from(params).periodKey(), preview::save, preview::saveRejects,
                acceptedUsageToDate::written);
    }

    /** Not a proxy: validation runs on the read-ahead thread, where no step scope is active. */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    StoredAcceptedRows<BilledUsage> acceptedUsageToDate(@Value(PARAMS) Map<String, Object> params,
            UsagePreviewRepository preview) {
        String period = UsageIntakeRun.from(params).periodKey();
        return new StoredAcceptedRows<>(preview.ids(period), id -> preview.row(period, id));
    }

    static byte[] accountTotalsCsv(UsagePreviewRepository preview, String period) {
        return IntakeStepsConfiguration.csv(csv -> {
            csv.printRecord("account_id", "usage_month", "currency", "usage_rows", "revenue");
            preview.accountTotals(period, total -> {
                try {
                    csv.printRecord(SpreadsheetSafe.text(total.accountId()), total.usageMonth(), total.currency(),
                            total.rows(), revenue(total.revenue()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }

    /** Two decimals at least, four (the column's scale) at most: 50.25, 800.00, 0.1234. */
    public static int decimals(BigDecimal revenue) {
        return Math.max(2, Math.min(4, revenue.stripTrailingZeros().scale()));
    }

    private static String revenue(BigDecimal revenue) {
        return revenue.setScale(decimals(revenue), RoundingMode.UNNECESSARY).toPlainString();
    }
}
