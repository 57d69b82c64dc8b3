package io.compclose.intake;

import io.compclose.core.input.KeyedRow;
import java.util.Map;

/**
 * The rows of a keyed file accepted so far in the pay period, so that a later row with the same key
 * is recognised as a re-delivery. Small files keep them in memory; bookings and usage keep only a
 * fixed-size filter and look a stored row up when it may be there ({@link StoredAcceptedRows}).
 */
public interface AcceptedRows<T extends KeyedRow<T>> {

    /** The row accepted earlier under {@code key}, or null. */
    T earlier(String key);

    void add(T row);

    /** Every accepted row in a map (a restarted step preloads it from the database). */
    static <T extends KeyedRow<T>> AcceptedRows<T> inMemory(Map<String, T> rows) {
        return new AcceptedRows<>() {
            @Override
            public T earlier(String key) {
                return rows.get(key);
            }

            @Override
            public void add(T row) {
                rows.put(row.key(), row);
            }
        };
    }
}
