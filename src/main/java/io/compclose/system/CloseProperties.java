package io.compclose.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the close, bound from {@code compclose.*}.
 *
 * @param chunkSize rows per transaction in chunk steps
 * @param progress  whether the close prints step progress
 * @param mailFrom  sender address of statement emails
 * @param baseCurrency the currency fx_rates.csv quotes against (its rate_to_usd column)
 */
@ConfigurationProperties("compclose")
public record CloseProperties(
        @DefaultValue("500") int chunkSize,
        @DefaultValue("true") boolean progress,
        @DefaultValue("CompClose Commissions <commissions@compclose.invalid>") String mailFrom,
        @DefaultValue("USD") String baseCurrency) {
}
