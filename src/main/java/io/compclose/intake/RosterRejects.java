package io.compclose.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Why a rep has no roster: the reps.csv row of theirs that was rejected. A booking of theirs is then
 * rejected as "unknown rep", and without this the reject would not say that the rep is known, only
 * their row is broken (a typo in an email costs them their pay, and nobody sees why).
 */
public final class RosterRejects {

    private final Map<String, Reject> byRep;

    RosterRejects(Map<String, Reject> byRep) {
        this.byRep = Map.copyOf(byRep);
    }

    /**
     * Matches the rejects of reps.csv to the rep ids on their lines, read again from the file: a reject
     * keeps the value that broke a rule, not the row's rep id. Rows without a rep id are left out.
     */
    public static RosterRejects read(Path inbox, Collection<Reject> rosterRejects) {
        Map<Long, Reject> byLine = new HashMap<>();
        rosterRejects.stream().filter(r -> r.kind() == Reject.Kind.REJECTED)
                .forEach(r -> byLine.putIfAbsent(r.line(), r));
        Map<String, Reject> byRep = new HashMap<>();
        if (byLine.isEmpty() || !Files.isRegularFile(inbox.resolve(CsvFileSpec.REPS.fileName()))) {
            return new RosterRejects(byRep);
        }
        CsvRowReader reader = new CsvRowReader(inbox, CsvFileSpec.REPS);
        reader.setSaveState(false);
        try {
            reader.open(new ExecutionContext());
            for (CsvRow row; (row = reader.read()) != null; ) {
                Reject reject = byLine.get(row.line());
                String repId = row.values().get("rep_id");
                if (reject != null && repId != null && !repId.isBlank()) {
                    byRep.putIfAbsent(repId.strip(), reject);
                }
            }
        } catch (Exception e) {
            // the file read cleanly when the roster was loaded; if it no longer does, the rejects say less
            return new RosterRejects(byRep);
        } finally {
            reader.close();
        }
        return new RosterRejects(byRep);
    }

    /** "rep R010's roster row, reps.csv line 5, was rejected (email: not an email address, 'x@y')", or empty. */
    public Optional<String> why(String repId) {
        Reject reject = byRep.get(repId);
        return reject == null ? Optional.empty() : Optional.of("rep " + repId + "'s roster row, "
                + reject.file() + " line " + reject.line() + ", was rejected (" + (reject.column().isEmpty() ? ""
                        : reject.column() + ": ") + reject.reason() + (reject.rawValue().isEmpty() ? ""
                                : ", '" + reject.rawValue() + "'") + "): fix that row");
    }
}
