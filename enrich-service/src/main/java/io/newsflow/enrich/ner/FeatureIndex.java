package io.newsflow.enrich.ner;

import java.util.Arrays;

/** Open-addressing map from 64-bit feature keys to dense ids 0..size-1, without boxing. */
final class FeatureIndex {
    private static final long EMPTY = 0;

    private long[] keys;
    private int[] ids;
    private int size;

    FeatureIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        ids = new int[capacity];
    }

    /** The id of {@code key}, or -1 when unknown. */
    int get(long key) {
        long k = key == EMPTY ? Long.MIN_VALUE : key;
        int mask = keys.length - 1;
        for (int slot = slot(k, mask); ; slot = (slot + 1) & mask) {
            long found = keys[slot];
            if (found == k) {
                return ids[slot];
            }
            if (found == EMPTY) {
                return -1;
            }
        }
    }

    /** The id of {@code key}, adding it with the next free id when unknown. */
    int add(long key) {
        long k = key == EMPTY ? Long.MIN_VALUE : key;
        int mask = keys.length - 1;
        int slot = slot(k, mask);
        for (; keys[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keys[slot] == k) {
                return ids[slot];
            }
        }
        keys[slot] = k;
        ids[slot] = size;
        size++;
        if (size * 2 > keys.length) {
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
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                byId[ids[slot]] = keys[slot] == Long.MIN_VALUE ? EMPTY : keys[slot];
            }
        }
        return byId;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldIds.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], mask);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    @Override
    public String toString() {
        return "FeatureIndex[size=" + size + ", capacity=" + keys.length + "]";
    }

    static FeatureIndex of(long[] keysById) {
        FeatureIndex index = new FeatureIndex(keysById.length);
        Arrays.stream(keysById).forEach(index::add);
        return index;
    }
}
