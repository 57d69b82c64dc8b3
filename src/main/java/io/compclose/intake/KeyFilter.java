package io.compclose.intake;

/**
 * A Bloom filter over text keys: "absent" is always right, "maybe present" is sometimes wrong. Its
 * memory is fixed when it is made, however many keys go in; more keys only make "maybe" likelier.
 * With the default 16 MiB and 7 hashes, 5 million keys give a false "maybe" about once in 29,000 (8 MiB
 * gave once in 550: some 1,400 primary-key lookups, each a round trip, over a 5-million-row usage load).
 */
public final class KeyFilter {

    public static final int DEFAULT_LOG2_BITS = 27;
    public static final int DEFAULT_HASHES = 7;

    private final long[] words;
    private final long bitMask;
    private final int hashes;

    public KeyFilter(int log2Bits, int hashes) {
        if (log2Bits < 6 || log2Bits > 34 || hashes < 1) {
            throw new IllegalArgumentException("a filter of 2^" + log2Bits + " bits and " + hashes + " hashes");
        }
        this.words = new long[1 << (log2Bits - 6)];
        this.bitMask = (1L << log2Bits) - 1;
        this.hashes = hashes;
    }

    public static KeyFilter standard() {
        return new KeyFilter(DEFAULT_LOG2_BITS, DEFAULT_HASHES);
    }

    public void add(String key) {
        long h1 = hash(key);
        long h2 = mix(h1 ^ 0x9E3779B97F4A7C15L) | 1;
        for (int i = 0; i < hashes; i++) {
            long bit = (h1 + i * h2) & bitMask;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    public boolean mightContain(String key) {
        long h1 = hash(key);
        long h2 = mix(h1 ^ 0x9E3779B97F4A7C15L) | 1;
        for (int i = 0; i < hashes; i++) {
            long bit = (h1 + i * h2) & bitMask;
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a over the key's chars, then mixed so that nearby ids spread over the whole filter. */
    private static long hash(String key) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** The finaliser of SplitMix64. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
