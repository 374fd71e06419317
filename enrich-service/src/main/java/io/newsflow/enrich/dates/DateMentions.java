package io.newsflow.enrich.dates;

import io.newsflow.enrich.text.Sentences;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every date an article mentions, normalised: {@code 2023年12月20日}, {@code 2023-12-20}, {@code 2023.12.20},
 * {@code 2023/12/20}, {@code 二〇二三年十二月二十日}, {@code 12月20日} and both ends of the ranges
 * {@code 12月20日至22日}, {@code 12月20—22日}, {@code 20日—22日}.
 * <p>
 * A date without a year takes the year written earlier in the same sentence ({@code 2024年1月1日至6月30日}) or else
 * follows the newspaper rule of {@link DatelineParser}: the issue's year, the year before when that would put the date
 * after the issue. A bare day ({@code 22日}) counts only when a month was written earlier in the same sentence, and
 * never as a duration ({@code 30日内}); {@code 号} counts only right after a month ({@code 12月20号}), since
 * {@code 20号} alone is mostly a house number. Chinese-numeral days need their month right before them, so that
 * {@code 一日三餐} is no date. Impossible dates ({@code 2月30日}) are skipped.
 */
public final class DateMentions {
    /** Written years outside this span are other numbers (a phone area code before a dash), not dates. */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;
    private static final String RANGE = "\\s*[至到—–\\-~～]+\\s*";
    private static final String CHINESE_DAY = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]";
    /** Every token starts with a digit or a Chinese numeral: the lookahead rejects other positions at once. */
    private static final Pattern TOKEN = Pattern.compile("(?=[0-9〇零○一二三四五六七八九十])(?:"
                    + "(?<!\\d)(?<isoYear>\\d{4})(?<sep>[-./])(?<isoMonth>\\d{1,2})\\k<sep>(?<isoDay>\\d{1,2})(?!\\d|\\.\\d)"
                    + "|(?<!\\d)(?<year>\\d{4})\\s*年"
                    + "|(?<cYear>[〇零○一二三四五六七八九]{4})\\s*年"
                    + "|(?<!\\d)(?<month>\\d{1,2})\\s*月"
                    + "|(?<cMonth>十[一二]?|[一二三四五六七八九])月"
                    + "|(?<!\\d)(?<day>\\d{1,2})(?:" + RANGE + "(?<lastDay>\\d{1,2}))?\\s*(?<dayMark>[日号])(?!内|以内|之内)"
                    + "|(?<cDay>" + CHINESE_DAY + ")(?:" + RANGE + "(?<cLastDay>" + CHINESE_DAY + "))?[日号])");

    /** Distinct dates mentioned in the body, earliest first; without an issue date only those with a written year. */
    public List<LocalDate> dates(String body, LocalDate issueDate) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        for (String sentence : sentences(halfWidth(body))) {
            new SentenceScan(issueDate, dates).scan(sentence);
        }
        return List.copyOf(dates);
    }

    /** Reads one sentence token by token, remembering the year and month it wrote last. */
    private static final class SentenceScan {
        private final LocalDate issueDate;
        private final SortedSet<LocalDate> out;
        private Integer year;
        private int yearEnd = -1;
        private Integer contextYear;
        private Integer contextMonth;
        private int monthEnd = -1;

        SentenceScan(LocalDate issueDate, SortedSet<LocalDate> out) {
            this.issueDate = issueDate;
            this.out = out;
        }

        void scan(String sentence) {
            Matcher token = TOKEN.matcher(sentence);
            while (token.find()) {
                if (token.group("isoYear") != null) {
                    contextYear = Integer.valueOf(token.group("isoYear"));
                    contextMonth = Integer.valueOf(token.group("isoMonth"));
                    monthEnd = -1;
                    add(contextYear, contextMonth, Integer.parseInt(token.group("isoDay")));
                } else if (token.group("year") != null || token.group("cYear") != null) {
                    year = token.group("year") != null ? Integer.valueOf(token.group("year")) : chineseYear(token.group("cYear"));
                    yearEnd = token.end();
                } else if (token.group("month") != null || token.group("cMonth") != null) {
                    int month = token.group("month") != null ? Integer.parseInt(token.group("month")) : chineseNumber(token.group("cMonth"));
                    month(month, adjacent(sentence, yearEnd, token.start()) ? year : null);
                    monthEnd = token.end();
                } else if (token.group("day") != null) {
                    boolean afterMonth = adjacent(sentence, monthEnd, token.start());
                    if (contextMonth != null && (afterMonth || token.group("dayMark").equals("日"))) {
                        days(Integer.parseInt(token.group("day")), token.group("lastDay") == null ? null : Integer.valueOf(token.group("lastDay")));
                    }
                } else if (adjacent(sentence, monthEnd, token.start())) {
                    days(chineseNumber(token.group("cDay")), token.group("cLastDay") == null ? null : chineseNumber(token.group("cLastDay")));
                }
            }
        }

        /** A month without its own year keeps the sentence's written year when it does not go back in time. */
        private void month(int month, Integer writtenYear) {
            if (writtenYear != null) {
                contextYear = writtenYear;
            } else if (contextYear != null && (contextMonth == null || month < contextMonth)) {
                contextYear = null;
            }
            contextMonth = month;
        }

        private void days(int first, Integer last) {
            add(contextYear, contextMonth, first);
            if (last != null) {
                add(contextYear, contextMonth, last);
            }
        }

        private void add(Integer writtenYear, int month, int day) {
            if (writtenYear != null) {
                if (writtenYear < MIN_YEAR || writtenYear > MAX_YEAR) {
                    return;
                }
                try {
                    out.add(LocalDate.of(writtenYear, month, day));
                } catch (DateTimeException e) {
                    // not a date: 2月30日
                }
            } else if (issueDate != null) {
                Optional<LocalDate> date = IssueYear.onOrBefore(month, day, issueDate);
                date.ifPresent(out::add);
            }
        }
    }

    /** Whether only white space lies between an earlier token's end and this token's start. */
    private static boolean adjacent(String text, int previousEnd, int start) {
        if (previousEnd < 0 || previousEnd > start) {
            return false;
        }
        for (int i = previousEnd; i < start; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || Sentences.END.indexOf(c) >= 0) {
                if (i > start) {
                    sentences.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            sentences.add(text.substring(start));
        }
        return sentences;
    }

    /** Full-width digits and separators as ASCII, one char for one, so that one pattern reads both. */
    private static String halfWidth(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '０' && c <= '９') {
                chars[i] = (char) (c - '０' + '0');
            } else if (c == '．' || c == '／' || c == '－') {
                chars[i] = (char) (c - 0xFEE0);
            }
        }
        return new String(chars);
    }

    /** {@code 二〇二三} → 2023, digit by digit. */
    private static int chineseYear(String digits) {
        int year = 0;
        for (int i = 0; i < digits.length(); i++) {
            year = year * 10 + chineseDigit(digits.charAt(i));
        }
        return year;
    }

    /** {@code 十二} → 12, {@code 二十一} → 21, {@code 三} → 3 (numbers up to 39). */
    private static int chineseNumber(String number) {
        int ten = number.indexOf('十');
        if (ten < 0) {
            return chineseDigit(number.charAt(0));
        }
        int tens = ten == 0 ? 1 : chineseDigit(number.charAt(0));
        int units = ten == number.length() - 1 ? 0 : chineseDigit(number.charAt(ten + 1));
        return tens * 10 + units;
    }

    private static int chineseDigit(char c) {
        return switch (c) {
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> 0; // 〇 零 ○
        };
    }
}
