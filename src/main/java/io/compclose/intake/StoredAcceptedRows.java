package io.compclose.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The accepted rows of a large file (bookings, usage) without holding them: a {@link KeyFilter} of
 * the keys already stored, the rows of the chunk being written, and a lookup of a stored row for a
 * key the filter may have seen. Memory stays the same however long the file; the database is asked
 * only for true re-deliveries and the filter's rare false "maybe".
 */
public class StoredAcceptedRows<T extends KeyedRow<T>> implements AcceptedRows<T> {

    private final KeyFilter storedKeys;
    private final Function<String, Optional<T>> storedRow;
    private final Map<String, T> unstored = new HashMap<>();
    private long lookups;

    /**
     * @param storedKeys the keys stored before this step started (a restart's), more are added as chunks are written
     * @param storedRow  the stored row of a key, if there is one
     */
    public StoredAcceptedRows(KeyFilter storedKeys, Function<String, Optional<T>> storedRow) {
        this.storedKeys = storedKeys;
        this.storedRow = storedRow;
    }

    @Override
    public T earlier(String key) {
        T pending = unstored.get(key);
        if (pending != null || !storedKeys.mightContain(key)) {
            return pending;
        }
        lookups++;
        return storedRow.apply(key).orElse(null);
    }

    @Override
    public void add(T row) {
        unstored.put(row.key(), row);
    }

    @Override
    public void stored() {
        unstored.keySet().forEach(storedKeys::add);
        unstored.clear();
    }

    /** How often the database was asked: a measure of re-deliveries plus the filter's false "maybe". */
    public long lookups() {
        return lookups;
    }
}
