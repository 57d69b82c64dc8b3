package io.compclose.intake;

import io.compclose.core.input.KeyedRow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The outcome of validating one row: either the accepted value or the reject, never both. */
public record IntakeItem<T>(T accepted, Reject reject) {

    public static <T> IntakeItem<T> accept(T value) {
        return new IntakeItem<>(value, null);
    }

    public static <T> IntakeItem<T> reject(Reject reject) {
        return new IntakeItem<>(null, reject);
    }

    public boolean isAccepted() {
        return accepted != null;
    }

    /**
     * This outcome; a reject names the booking and the rep of its row, where their cells can be read (see
     * {@link CsvRow#readable}), so that the rep's statement lists it.
     */
    IntakeItem<T> naming(CsvRow row, CsvFileSpec spec, String repColumn) {
        return reject == null ? this
                : reject(reject.naming(row.readable("booking_id", spec), row.readable(repColumn, spec)));
    }

    /**
     * A row whose id was accepted before, on {@code earlierLine}: with the same content it is a
     * harmless re-delivery, counted once; with different content it is rejected.
     */
    static <T> IntakeItem<T> redelivery(CsvRow row, String column, String id, long earlierLine, boolean sameContent) {
        return reject(sameContent ? Reject.duplicate(row, column, earlierLine) : new Reject(row.file(), row.line(),
                column, "duplicate of line " + earlierLine + " with different content", id == null ? "" : id));
    }

    /**
     * The steps every keyed file shares: a malformed row is rejected; a key accepted before is a
     * re-delivery; otherwise {@code check} applies the file's own rules (throwing
     * {@link RowRejectedException} to reject; once they pass it may index the row) and the row is
     * added to {@code accepted}, which a restarted step preloads.
     */
    static <T extends KeyedRow<T>> IntakeItem<T> keyed(CsvRow row, String keyColumn, AcceptedRows<T> accepted,
            Function<CsvRow, T> parse, Consumer<T> check) {
        return checked(row, () -> {
            T candidate = parse.apply(row);
            T earlier = accepted.earlier(candidate.key());
            if (earlier != null) {
                return redelivery(row, keyColumn, candidate.key(), earlier.line(), earlier.sameContentAs(candidate));
            }
            check.accept(candidate);
            accepted.add(candidate);
            return accept(candidate);
        });
    }

    /** The outcome of {@code validation}, or the reject of a malformed row or of the rule it throws for. */
    static <T> IntakeItem<T> checked(CsvRow row, Supplier<IntakeItem<T>> validation) {
        try {
            row.requireWellFormed();
            return validation.get();
        } catch (RowRejectedException e) {
            return reject(e.toReject(row));
        }
    }
}
