package io.compclose.statement;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import io.compclose.core.plan.PayPeriod;

/**
 * Statement options, bound from {@code compclose.statement.*}.
 *
 * @param encryption a password per rep on each PDF: off unless enabled
 * @param employer   who pays and whom a rep asks, printed on every statement
 */
@ConfigurationProperties("compclose.statement")
public record StatementProperties(@DefaultValue Encryption encryption, @DefaultValue Employer employer) {

    /**
     * @param enabled       whether statements are encrypted
     * @param passwordsFile a CSV {@code rep_id,password} kept by HR or payroll: a file, never the command
     *                      line, so passwords stay out of process lists and logs
     */
    public record Encryption(@DefaultValue("false") boolean enabled, Path passwordsFile) {
    }

    /**
     * @param company      the employer's name at the top of each statement
     * @param logo         a PNG or JPEG printed beside it, or none
     * @param payDay       the day of the month after the period on which payroll pays, or none to leave it out
     * @param contactName  whom a rep asks about a statement, or none
     * @param contactEmail their address, or none
     * @param consoleUrl   the console's address, where a rep raises a question on the statement
     *                     ({@code <url>/statements/<period>/<rep>}), or none
     */
    public record Employer(@DefaultValue("CompClose") String company, Path logo, Integer payDay, String contactName,
            String contactEmail, String consoleUrl) {

        /** The demo's employer: the product's name, no logo, no pay day, no contact. */
        public static final Employer DEFAULT = new Employer("CompClose", null, null, null, null, null);

        /**
         * The day payroll pays a month ("2026-11-15"), the month's last day if it is shorter, or null; null for
         * a semi-monthly or bi-weekly period, whose pay day is payroll's own calendar.
         */
        String payDate(PayPeriod period) {
            YearMonth paidIn = period.month().plusMonths(1);
            return payDay == null || !period.isMonth() ? null
                    : paidIn.atDay(Math.min(payDay, paidIn.lengthOfMonth())).toString();
        }

        /** Whom to ask, and where to raise a question on this statement, one a line; null when neither is set. */
        String contact(PayPeriod period, String repId) {
            List<String> lines = new ArrayList<>();
            String who = Stream.of(contactName, contactEmail).filter(Objects::nonNull).collect(Collectors.joining(" · "));
            if (!who.isEmpty()) {
                lines.add("Questions about your pay: " + who);
            }
            if (consoleUrl != null) {
                lines.add("Question about this statement? " + consoleUrl.replaceAll("/+$", "") + "/statements/"
                        + period + "/" + repId);
            }
            return lines.isEmpty() ? null : String.join("\n", lines);
        }
    }
}
