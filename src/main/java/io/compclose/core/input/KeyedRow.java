package io.compclose.core.input;

import io.compclose.core.money.Money;

/**
 * A row of a keyed inbox file: its key in the file (the same key again is a re-delivery), the line
 * it came on, and whether another row carries the same content.
 */
public interface KeyedRow<T> {

    String key();

    long line();

    boolean sameContentAs(T other);

    /** Amounts equal by value, 100.1 USD and 100.10 USD alike; two missing amounts too. */
    static boolean sameAmount(Money a, Money b) {
        return a == null ? b == null : b != null && a.currency().equals(b.currency()) && a.compareTo(b) == 0;
    }
}
