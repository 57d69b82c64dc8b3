package io.compclose.intake;

import io.compclose.core.input.KeyedRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The accepted rows of a large file (bookings, usage) without holding them: a {@link KeyFilter} of
 * the keys already stored, the rows accepted but not yet committed, and a lookup of a stored row for a
 * key the filter may have seen. Memory stays the same however long the file; the database is asked
 * only for true re-deliveries and the filter's rare false "maybe".
 * <p>
 * Validation may run on another thread than the writer, chunks ahead of it ({@link ReadAhead}): a
 * chunk's keys move from the unstored rows to the filter only once its transaction has committed, since
 * a lookup from the validating thread sees committed rows only; until then its rows answer themselves.
 */
public class StoredAcceptedRows<T extends KeyedRow<T>> implements AcceptedRows<T> {

    private final KeyFilter storedKeys;
    private final Function<String, Optional<T>> storedRow;
    private final Map<String, T> unstored = new HashMap<>();
    private long lookups;

    /**
     * @param storedKeys the keys stored before this step started (a restart's), more are added as chunks commit
     * @param storedRow  the stored row of a key, if there is one
     */
    public StoredAcceptedRows(KeyFilter storedKeys, Function<String, Optional<T>> storedRow) {
        this.storedKeys = storedKeys;
        this.storedRow = storedRow;
    }

    @Override
    public synchronized T earlier(String key) {
        T pending = unstored.get(key);
        if (pending != null || !storedKeys.mightContain(key)) {
            return pending;
        }
        lookups++;
        return storedRow.apply(key).orElse(null);
    }

    @Override
    public synchronized void add(T row) {
        unstored.put(row.key(), row);
    }

    /**
     * The writer has written {@code rows}: in its transaction, they count as stored once it commits (a
     * chunk that rolls back fails the step, and a restart starts from the stored keys again).
     */
    public void written(List<T> rows) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stored(rows);
                }
            });
        } else {
            stored(rows);
        }
    }

    private synchronized void stored(List<T> rows) {
        for (T row : rows) {
            // a later row under the same key is a re-delivery, never added: the unstored row is this one
            unstored.remove(row.key());
            storedKeys.add(row.key());
        }
    }

    /** How often the database was asked: a measure of re-deliveries plus the filter's false "maybe". */
    public synchronized long lookups() {
        return lookups;
    }
}
