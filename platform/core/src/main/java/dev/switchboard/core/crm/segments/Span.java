package dev.switchboard.core.crm.segments;

import java.time.LocalDate;
import java.util.Locale;

/** A span of the calendar in a relative date condition: 7 days, 2 weeks, 3 months, 1 year. */
public record Span(int amount, Unit unit) {

    public enum Unit {
        DAYS, WEEKS, MONTHS, YEARS;

        static Unit of(String name) {
            for (Unit unit : values()) {
                if (unit.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return unit;
                }
            }
            return null;
        }
    }

    /** The day this span before {@code day}. */
    public LocalDate before(LocalDate day) {
        return switch (unit) {
            case DAYS -> day.minusDays(amount);
            case WEEKS -> day.minusWeeks(amount);
            case MONTHS -> day.minusMonths(amount);
            case YEARS -> day.minusYears(amount);
        };
    }

    /** The day this span after {@code day}. */
    public LocalDate after(LocalDate day) {
        return switch (unit) {
            case DAYS -> day.plusDays(amount);
            case WEEKS -> day.plusWeeks(amount);
            case MONTHS -> day.plusMonths(amount);
            case YEARS -> day.plusYears(amount);
        };
    }

    long approximateDays() {
        return switch (unit) {
            case DAYS -> amount;
            case WEEKS -> 7L * amount;
            case MONTHS -> 31L * amount;
            case YEARS -> 366L * amount;
        };
    }
}
