package io.compclose.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the close, bound from {@code compclose.*}.
 *
 * @param chunkSize       reps (or statements) per transaction in the calculation, statement and delivery steps
 * @param intakeChunkSize input rows per transaction in intake and crediting: large, because each chunk
 *                        costs fixed round trips (a commit's log flush, which at 500 rows took a third of
 *                        the usage load's time; Spring Batch's two metadata updates; with LOAD DATA the
 *                        load itself), which at 2,000 rows were still over a quarter of loadUsage's waits
 * @param progress  whether the close prints step progress
 * @param mailFrom  sender address of statement emails
 * @param baseCurrency the currency fx_rates.csv quotes against (its rate_to_usd column)
 */
@ConfigurationProperties("compclose")
public record CloseProperties(
        @DefaultValue("500") int chunkSize,
        @DefaultValue("10000") int intakeChunkSize,
        @DefaultValue("true") boolean progress,
        @DefaultValue("CompClose Commissions <commissions@compclose.invalid>") String mailFrom,
        @DefaultValue("USD") String baseCurrency) {
}
