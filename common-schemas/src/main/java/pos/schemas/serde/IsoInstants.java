package pos.schemas.serde;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.ChronoUnit;

/**
 * Instants in the one form every topic carries them, {@code 2026-12-07T23:44:00.123Z} (UTC, seconds always, a
 * fraction of 3, 6 or 9 digits when there is one: {@link Instant#toString()}), written and read without
 * {@link java.time.format.DateTimeFormatter}. The formatter's general parser and printer were about an eighth of the
 * store ledger's stream thread, the one thread every placement queues for (JFR under placement load).
 *
 * <p>{@link #format} gives exactly {@link Instant#toString()}; {@link #parse} reads only that form (any number of
 * fraction digits up to 9, as ISO-8601's instant parser does) and answers {@code null} for anything else, which the
 * caller then reads the general way, with the general way's errors.
 */
public final class IsoInstants {

    private static final long FIRST_FOUR_DIGIT_YEAR =
            Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long AFTER_FOUR_DIGIT_YEARS =
            Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
    private static final long SECONDS_PER_DAY = ChronoUnit.DAYS.getDuration().getSeconds();
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private IsoInstants() {}

    /** {@link Instant#toString()}, by hand for years 0000 to 9999. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_YEAR || seconds >= AFTER_FOUR_DIGIT_YEARS) {
            return instant.toString();
        }
        var date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nano = instant.getNano();
        var text = new char[30];
        int at = digits(text, 0, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        if (nano > 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(text, at, nano / 1_000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    /**
     * The instant {@code text} names in the form {@link #format} writes (fraction of 1 to 9 digits), or {@code null}
     * when it is in any other form or names no valid date and time.
     */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
            return null;
        }
        if (text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        if (second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int nano = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1) {
                return null;
            }
            int fraction = number(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nano = fraction * POWERS_OF_TEN[9 - fractionDigits];
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
    }

    /** The ASCII digits at [from, from + count) as a number, or -1 when one of them is not a digit. */
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int digits(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + count;
    }
}
