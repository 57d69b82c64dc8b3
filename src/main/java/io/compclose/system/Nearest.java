package io.compclose.system;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The word meant by a typo: the command line's options and the YAML files' fields answer "did you mean". */
public final class Nearest {

    /** At most this many letters changed: "frobnicate" is no misspelt "status". */
    public static final int TYPO = 2;

    private Nearest() {
    }

    /** Whether {@code candidate} is a typo away from {@code typed}. */
    public static boolean isTypo(String typed, String candidate) {
        return distance(typed, candidate) <= TYPO;
    }

    /** The known word nearest to {@code typed}, if one is a typo away. */
    public static Optional<String> among(String typed, Collection<String> known) {
        return known.stream().filter(word -> isTypo(typed, word))
                .min(Comparator.comparingInt((String word) -> distance(typed, word)).thenComparing(word -> word));
    }

    /** The Levenshtein distance: how many letters to insert, delete or change to turn one word into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
