package dev.switchboard.core.db;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids that sort by the time they were made (UUID version 7, RFC 9562): rows written in bulk with such
 * ids go at the end of their indexes rather than at random places in them, which is what makes a bulk
 * insert's index writes cheap. Within one millisecond the ids of one node still ascend (a counter in the
 * 12 bits after the time); the other 62 bits are random.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int counter;

    private TimeOrderedIds() {
    }

    public static synchronized UUID next() {
        long millis = System.currentTimeMillis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = RANDOM.nextInt(1 << 10);
        } else if (++counter >= 1 << 12) {
            // more than 4,096 ids in a millisecond: borrow the next millisecond
            lastMillis++;
            counter = 0;
        }
        long high = lastMillis << 16 | 0x7000L | counter;
        long low = RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
