package io.compclose.core.input;

/**
 * A row of a keyed inbox file: its key in the file (the same key again is a re-delivery), the line
 * it came on, and whether another row carries the same content.
 */
public interface KeyedRow<T> {

    String key();

    long line();

    boolean sameContentAs(T other);
}
