package io.newsflow.enrich.entities;

import java.util.HashSet;
import java.util.Set;

/** The surnames a Chinese person name may start with ({@code surnames.txt}). */
final class Surnames {
    private final Set<Character> single = new HashSet<>();
    private final Set<String> compound = new HashSet<>();
    private final Set<Character> firstOfCompound = new HashSet<>();

    Surnames() {
        for (String line : WordLists.lines("surnames.txt")) {
            if (line.contains(" ")) {
                for (String surname : line.split("\\s+")) {
                    compound.add(surname);
                    firstOfCompound.add(surname.charAt(0));
                }
            } else {
                line.chars().forEach(c -> single.add((char) c));
            }
        }
    }

    /** Whether a surname starts with {@code c} (single surnames and the first character of compound ones). */
    boolean canStartWith(char c) {
        return single.contains(c) || firstOfCompound.contains(c);
    }

    /** Length of the surname {@code name} starts with: 2 for a compound surname, 1 for a single one, 0 for none. */
    int surnameLength(String name) {
        if (name.length() >= 2 && compound.contains(name.substring(0, 2))) {
            return 2;
        }
        return !name.isEmpty() && single.contains(name.charAt(0)) ? 1 : 0;
    }
}
