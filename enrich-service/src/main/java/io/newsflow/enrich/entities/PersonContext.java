package io.newsflow.enrich.entities;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The words around a name that tell a person from a look-alike ({@code person-context.txt}): titles before it,
 * titles and speech verbs after it, honorifics to strip, and organisation or place suffixes that rule it out.
 */
final class PersonContext {
    private final Set<String> before = new HashSet<>();
    private final Map<String, Boolean> after = new HashMap<>(); // word → true: person evidence, false: not a person
    private final Set<String> strip = new HashSet<>();
    private int longest;

    PersonContext() {
        Set<String> section = null;
        Set<String> evidence = new HashSet<>();
        Set<String> notPerson = new HashSet<>();
        for (String line : WordLists.lines("person-context.txt")) {
            switch (line) {
                case "[before]" -> section = before;
                case "[after]" -> section = evidence;
                case "[strip]" -> section = strip;
                case "[not-after]" -> section = notPerson;
                default -> {
                    if (section == null) {
                        throw new IllegalStateException("person-context.txt: word before any section: " + line);
                    }
                    section.add(line);
                    longest = Math.max(longest, line.length());
                }
            }
        }
        notPerson.forEach(word -> after.put(word, false));
        evidence.forEach(word -> after.put(word, true));
    }

    /** A title or role ends right at {@code start} ({@code 市委书记|杜小刚}). */
    boolean titleBefore(String text, int start) {
        for (int length = Math.min(longest, start); length >= 1; length--) {
            if (before.contains(text.substring(start - length, start))) {
                return true;
            }
        }
        return false;
    }

    /** What the longest listed word starting at {@code end} says: person evidence, not a person, or nothing. */
    Verdict after(String text, int end) {
        for (int length = Math.min(longest, text.length() - end); length >= 1; length--) {
            Boolean person = after.get(text.substring(end, end + length));
            if (person != null) {
                return person ? Verdict.PERSON : Verdict.NOT_PERSON;
            }
        }
        return Verdict.NONE;
    }

    /** Start of the name after the last title inside {@code text[from, end)}, leaving at least two characters, or -1. */
    int afterLastTitle(String text, int from, int end) {
        for (int i = end - 2; i > from; i--) {
            if (titleBefore(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code name} without a trailing honorific ({@code 吴书记 → 吴}). */
    String stripHonorific(String name) {
        for (String suffix : strip) {
            if (name.length() > suffix.length() && name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    enum Verdict { PERSON, NOT_PERSON, NONE }
}
