package io.newsflow.enrich.ner;

import java.util.Arrays;

/**
 * Open-addressing map from 64-bit feature keys to dense ids 0..size-1, without boxing.
 * <p>
 * The table is larger than the processor's caches and a lookup lands on a random slot, so its cost is memory
 * latency, not arithmetic. Hence each key sits beside its id in one array (one cache line for both), and
 * {@link #ids(long[])} looks many keys up at once: it first reads the first slot of every key in a loop whose
 * reads do not depend on each other, so the processor keeps many of them in flight, and only then resolves the
 * keys whose first slot held another one.
 */
final class FeatureIndex {
    private static final long EMPTY = 0;

    /** {@code [2 * slot]} a key, {@code [2 * slot + 1]} its id. */
    private long[] table;
    private int capacity;
    private int size;

    FeatureIndex(int expected) {
        capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[2 * capacity];
    }

    /** The id of {@code key}, or -1 when unknown. */
    int get(long key) {
        long k = stored(key);
        int mask = capacity - 1;
        for (int slot = slot(k, mask); ; slot = (slot + 1) & mask) {
            long found = table[2 * slot];
            if (found == k) {
                return (int) table[2 * slot + 1];
            }
            if (found == EMPTY) {
                return -1;
            }
        }
    }

    /** The id of every key (-1 for an unknown one), as {@link #get} gives it, looked up together. */
    int[] ids(long[] keys) {
        int n = keys.length;
        int mask = capacity - 1;
        int[] ids = new int[n];
        long[] first = new long[n];
        long[] table = this.table;
        for (int i = 0; i < n; i++) {
            int slot = slot(stored(keys[i]), mask);
            ids[i] = slot;
            first[i] = table[2 * slot];
        }
        for (int i = 0; i < n; i++) {
            long k = stored(keys[i]);
            int slot = ids[i];
            if (first[i] == k) {
                ids[i] = (int) table[2 * slot + 1];
            } else if (first[i] == EMPTY) {
                ids[i] = -1;
            } else {
                ids[i] = get(keys[i]);
            }
        }
        return ids;
    }

    /** The id of {@code key}, adding it with the next free id when unknown. */
    int add(long key) {
        long k = stored(key);
        int mask = capacity - 1;
        int slot = slot(k, mask);
        for (; table[2 * slot] != EMPTY; slot = (slot + 1) & mask) {
            if (table[2 * slot] == k) {
                return (int) table[2 * slot + 1];
            }
        }
        table[2 * slot] = k;
        table[2 * slot + 1] = size;
        size++;
        if (size * 2 > capacity) {
            grow();
        }
        return size - 1;
    }

    int size() {
        return size;
    }

    /** The keys in id order (the inverse of {@link #add}). */
    long[] keysById() {
        long[] byId = new long[size];
        for (int slot = 0; slot < capacity; slot++) {
            long k = table[2 * slot];
            if (k != EMPTY) {
                byId[(int) table[2 * slot + 1]] = k == Long.MIN_VALUE ? EMPTY : k;
            }
        }
        return byId;
    }

    private void grow() {
        long[] old = table;
        capacity *= 2;
        table = new long[2 * capacity];
        int mask = capacity - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int slot = slot(old[i], mask);
                while (table[2 * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }

    /** The key as the table holds it: 0 marks an empty slot, so a key 0 is kept as {@link Long#MIN_VALUE}. */
    private static long stored(long key) {
        return key == EMPTY ? Long.MIN_VALUE : key;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    @Override
    public String toString() {
        return "FeatureIndex[size=" + size + ", capacity=" + capacity + "]";
    }

    static FeatureIndex of(long[] keysById) {
        FeatureIndex index = new FeatureIndex(keysById.length);
        Arrays.stream(keysById).forEach(index::add);
        return index;
    }
}
