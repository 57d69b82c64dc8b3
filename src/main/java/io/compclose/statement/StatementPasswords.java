package io.compclose.statement;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.compclose.core.input.BadInputException;

/**
 * The password that opens each rep's statement, read from the passwords file when encryption is on.
 * The passwords are never logged or printed; a message names only the file and the rep.
 */
public final class StatementPasswords {

    private final boolean enabled;
    private final String file;
    private final Map<String, String> byRep;

    private StatementPasswords(boolean enabled, String file, Map<String, String> byRep) {
        this.enabled = enabled;
        this.file = file;
        this.byRep = byRep;
    }

    public static StatementPasswords from(StatementProperties.Encryption encryption) {
        if (!encryption.enabled()) {
            return new StatementPasswords(false, null, Map.of());
        }
        if (encryption.passwordsFile() == null || !Files.isReadable(encryption.passwordsFile())) {
            throw new BadInputException("statement encryption is on but its passwords file "
                    + (encryption.passwordsFile() == null ? "is not set (compclose.statement.encryption.passwords-file)"
                            : encryption.passwordsFile() + " cannot be read"));
        }
        Map<String, String> byRep = new HashMap<>();
        try (Reader in = Files.newBufferedReader(encryption.passwordsFile(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setTrim(true).get().parse(in)) {
                if (!row.isMapped("rep_id") || !row.isMapped("password")) {
                    throw new BadInputException(encryption.passwordsFile() + ": the header must be rep_id,password");
                }
                if (!row.get("password").isEmpty()) {
                    byRep.put(row.get("rep_id"), row.get("password"));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(encryption.passwordsFile() + ": cannot be read as CSV rep_id,password", e);
        }
        return new StatementPasswords(true, encryption.passwordsFile().toString(), Map.copyOf(byRep));
    }

    /** The rep's password, or null when statements are not encrypted. */
    public String forRep(String repId) {
        if (!enabled) {
            return null;
        }
        String password = byRep.get(repId);
        if (password == null) {
            throw new IllegalStateException("statement encryption is on but " + file + " has no password for rep "
                    + repId + "; add one and run the same command again");
        }
        return password;
    }
}
