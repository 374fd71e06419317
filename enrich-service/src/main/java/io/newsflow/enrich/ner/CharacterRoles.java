package io.newsflow.enrich.ner;

import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.dictionary.common.EnumItemDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import com.hankcs.hanlp.dictionary.ns.PlaceDictionary;
import com.hankcs.hanlp.dictionary.nt.OrganizationDictionary;

import java.util.Map;

/**
 * The roles HanLP's person, place and organisation role dictionaries (nr.txt, ns.txt, nt.txt of the portable jar)
 * give a single character: surname, given-name character, place suffix, organisation suffix and so on. They were
 * counted over a corpus much larger than the training files, so they tell the tagger about names it never saw.
 * One int per BMP character, built once when the class loads: the person dictionary's two most frequent roles
 * (bits 0-15), the place dictionary's most frequent role (16-23), the organisation dictionary's (24-31); a role is
 * its ordinal + 1, 0 meaning none.
 */
final class CharacterRoles {
    /** The roles of characters outside the BMP and of the sentence boundaries. */
    static final long OUTSIDE = 0xFEFE_FEFEL;

    private static final int[] ROLES = build();

    private CharacterRoles() {
    }

    /** The packed roles of character {@code c} (or a boundary code at or above 0x10000), as an unsigned 32-bit value. */
    static long of(long c) {
        return c >= 0 && c < ROLES.length ? ROLES[(int) c] & 0xFFFF_FFFFL : OUTSIDE;
    }

    static long person(long roles) {
        return roles & 0xFFFF;
    }

    static long topPerson(long roles) {
        return roles & 0xFF;
    }

    static long placeAndOrganisation(long roles) {
        return roles >>> 16;
    }

    private static int[] build() {
        int[] roles = new int[0x10000];
        for (int c = 0; c < roles.length; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            roles[c] = topTwo(PersonDictionary.dictionary, s)
                    | (topTwo(PlaceDictionary.dictionary, s) & 0xFF) << 16
                    | (topTwo(OrganizationDictionary.dictionary, s) & 0xFF) << 24;
        }
        return roles;
    }

    /** The most frequent role of {@code s} in the low byte, the second in the next; ties go to the lower ordinal. */
    private static <E extends Enum<E>> int topTwo(EnumItemDictionary<E> dictionary, String s) {
        EnumItem<E> item = dictionary.get(s);
        if (item == null || item.labelMap == null) {
            return 0;
        }
        int best = 0;
        int second = 0;
        long bestCount = -1;
        long secondCount = -1;
        for (Map.Entry<E, Integer> label : item.labelMap.entrySet()) {
            int role = label.getKey().ordinal() + 1;
            long count = label.getValue();
            if (count > bestCount || count == bestCount && role < best) {
                second = best;
                secondCount = bestCount;
                best = role;
                bestCount = count;
            } else if (count > secondCount || count == secondCount && role < second) {
                second = role;
                secondCount = count;
            }
        }
        return best | second << 8;
    }
}
