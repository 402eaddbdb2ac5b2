package dev.switchboard.core.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How a consumer took an event: delivered, or postponed by {@code delay} because it cannot take it
 * yet (for example a location has too many runs in flight).
 *
 * @param delay zero when delivered
 * @param reason why the delivery waits, for the delivery's record
 */
public record DeliveryOutcome(Duration delay, String reason) {

    public static final DeliveryOutcome DELIVERED = new DeliveryOutcome(Duration.ZERO, null);

    public DeliveryOutcome {
        Objects.requireNonNull(delay, "delay");
    }

    public static DeliveryOutcome postpone(Duration delay, String reason) {
        if (delay.isZero() || delay.isNegative()) {
            throw new IllegalArgumentException("a postponement needs a positive delay");
        }
        return new DeliveryOutcome(delay, reason);
    }

    public boolean delivered() {
        return delay.isZero();
    }
}
