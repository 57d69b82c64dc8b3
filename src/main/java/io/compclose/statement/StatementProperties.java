package io.compclose.statement;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statement options, bound from {@code compclose.statement.*}.
 *
 * @param encryption a password per rep on each PDF: off unless enabled
 */
@ConfigurationProperties("compclose.statement")
public record StatementProperties(@DefaultValue Encryption encryption) {

    /**
     * @param enabled       whether statements are encrypted
     * @param passwordsFile a CSV {@code rep_id,password} kept by HR or payroll: a file, never the command
     *                      line, so passwords stay out of process lists and logs
     */
    public record Encryption(@DefaultValue("false") boolean enabled, Path passwordsFile) {
    }
}
