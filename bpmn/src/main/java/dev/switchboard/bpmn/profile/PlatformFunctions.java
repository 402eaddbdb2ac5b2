package dev.switchboard.bpmn.profile;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.feel.context.JavaFunction;
import org.camunda.feel.context.JavaFunctionProvider;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValDate;
import org.camunda.feel.syntaxtree.ValDateTime;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValLocalTime;
import org.camunda.feel.syntaxtree.ValNull$;
import org.camunda.feel.syntaxtree.ValString;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The platform's own FEEL functions, for waits in a contact's time zone. They are a fixed set written
 * here, not a way to call Java: FEEL's external functions stay off.
 *
 * <ul>
 *   <li>{@code next time(time, zone)}: the next moment after now at that time of day in that zone
 *   ({@code "09:00"}, {@code contact.timezone});</li>
 *   <li>{@code next time(time, zone, weekdays)}: the same, on one of the weekdays
 *   ({@code ["MO", "TU", "WE", "TH", "FR"]});</li>
 *   <li>{@code at time(date, time, zone)}: that date at that time of day in that zone (a renewal
 *   date three days before: {@code at time(date(contact.customFields.renewal) - duration("P3D"), "10:00",
 *   contact.timezone)}).</li>
 *   <li>{@code next anniversary(date, zone)}: the next day, today included, with that date's month and
 *   day (a birthday: {@code next anniversary(contact.dateOfBirth, contact.timezone)}); February 29 falls
 *   on February 28 in other years.</li>
 * </ul>
 * A zone that is empty or not a time zone counts as UTC, so a contact without a time zone still waits.
 */
final class PlatformFunctions extends JavaFunctionProvider {

    /** The platform's clock; tests set another. */
    static volatile java.time.Clock clock = java.time.Clock.systemUTC();


    private static final Map<String, List<JavaFunction>> FUNCTIONS = Map.of(
            "next time", List.of(
                    new JavaFunction(List.of("time", "zone"), args -> next(args.get(0), args.get(1), null)),
                    new JavaFunction(List.of("time", "zone", "weekdays"), args -> next(args.get(0), args.get(1), args.get(2)))),
            "at time", List.of(
                    new JavaFunction(List.of("date", "time", "zone"), PlatformFunctions::at)),
            "next anniversary", List.of(
                    new JavaFunction(List.of("date", "zone"), args -> anniversary(args.get(0), args.get(1)))));

    @Override
    public Optional<JavaFunction> resolveFunction(String functionName) {
        List<JavaFunction> functions = FUNCTIONS.get(functionName);
        return functions == null ? Optional.empty() : Optional.of(functions.get(0));
    }

    @Override
    public List<JavaFunction> resolveFunctions(String functionName) {
        return FUNCTIONS.getOrDefault(functionName, List.of());
    }

    @Override
    public Collection<String> getFunctionNames() {
        return FUNCTIONS.keySet();
    }

    /** The next moment strictly after now at {@code time} in {@code zone}, on one of {@code weekdays} if given. */
    static Val next(Val time, Val zone, Val weekdays) {
        return guarded(() -> {
            ZoneId id = zone(zone);
            LocalTime at = time(time);
            Set<DayOfWeek> days = weekdays == null || weekdays == ValNull$.MODULE$ ? EnumSet.allOf(DayOfWeek.class)
                    : days(weekdays);
            if (days.isEmpty()) {
                throw new IllegalArgumentException("weekdays names no day");
            }
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(id));
            ZonedDateTime candidate = now.toLocalDate().atTime(at).atZone(id);
            for (int i = 0; i < 8; i++) {
                if (candidate.isAfter(now) && days.contains(candidate.getDayOfWeek())) {
                    return ValDateTime.apply(candidate);
                }
                // a time in the hour that repeats when the clocks go back: its second occurrence
                ZonedDateTime second = candidate.withLaterOffsetAtOverlap();
                if (second.isAfter(now) && days.contains(second.getDayOfWeek())) {
                    return ValDateTime.apply(second);
                }
                candidate = candidate.toLocalDate().plusDays(1).atTime(at).atZone(id);
            }
            throw new IllegalStateException("no next time found");
        });
    }

    /**
     * The next day, today in {@code zone} included, with the month and day of {@code date}: a birthday, a
     * renewal. February 29 falls on February 28 in other years.
     */
    static Val anniversary(Val given, Val zone) {
        return guarded(() -> {
            LocalDate date = date(given);
            LocalDate today = LocalDate.now(clock.withZone(zone(zone)));
            LocalDate candidate = sameDayIn(date, today.getYear());
            return ValDate.apply(candidate.isBefore(today) ? sameDayIn(date, today.getYear() + 1) : candidate);
        });
    }

    private static LocalDate sameDayIn(LocalDate date, int year) {
        return java.time.YearMonth.of(year, date.getMonth()).atDay(Math.min(date.getDayOfMonth(),
                java.time.YearMonth.of(year, date.getMonth()).lengthOfMonth()));
    }

    private static LocalDate date(Val given) {
        if (given instanceof ValDate d) {
            return d.value();
        }
        if (given instanceof ValDateTime d) {
            return d.value().toLocalDate();
        }
        if (given instanceof ValString text) {
            try {
                return LocalDate.parse(text.value().trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text.value() + "' is not a date like \"2026-12-01\"");
            }
        }
        throw new IllegalArgumentException("the date is " + describe(given) + ", not a date");
    }

    /** {@code date} at {@code time} in {@code zone}. */
    static Val at(List<Val> args) {
        return guarded(() -> {
            LocalDate date = date(args.get(0));
            return ValDateTime.apply(date.atTime(time(args.get(1))).atZone(zone(args.get(2))));
        });
    }

    private static Val guarded(java.util.function.Supplier<Val> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            return ValError.apply(e.getMessage());
        }
    }

    private static LocalTime time(Val time) {
        if (time instanceof ValLocalTime local) {
            return local.value();
        }
        if (time instanceof ValString text) {
            try {
                return LocalTime.parse(text.value().trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text.value() + "' is not a time of day like \"09:00\"");
            }
        }
        throw new IllegalArgumentException("the time is " + describe(time) + ", not a time of day");
    }

    /** A zone by its IANA name; empty, null or unknown zones count as UTC. */
    private static ZoneId zone(Val zone) {
        if (zone instanceof ValString text && !text.value().isBlank()) {
            try {
                return ZoneId.of(text.value().trim());
            } catch (DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }

    private static Set<DayOfWeek> days(Val weekdays) {
        if (!(weekdays instanceof ValList list)) {
            throw new IllegalArgumentException("weekdays is a list like [\"MO\", \"FR\"], not " + describe(weekdays));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<Val> items = new ArrayList<>(CollectionConverters.asJava(list.items()));
        for (Val item : items) {
            if (!(item instanceof ValString text) || text.value().trim().length() < 2) {
                throw new IllegalArgumentException("a weekday is a name like \"MO\" or \"monday\", not " + describe(item));
            }
            String name = text.value().trim().toUpperCase(Locale.ROOT);
            DayOfWeek day = java.util.Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + text.value() + "' is not a weekday"));
            days.add(day);
        }
        return days;
    }

    private static String describe(Val value) {
        return value == null ? "missing" : value.getClass().getSimpleName().replace("Val", "a ").toLowerCase(Locale.ROOT);
    }

}
