package com.autopilotmonster.order.domain;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Human-friendly order numbers, {@code AM-20261125-7KQ2XH}: the UTC date, then six characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), 31^6 ~ 887 million per day. Uniqueness is the unique
 * index's job; a collision just draws again.
 */
final class OrderIds {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderIds() {
    }

    static String next() {
        StringBuilder id = new StringBuilder("AM-").append(LocalDate.now(ZoneOffset.UTC).format(DAY)).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
