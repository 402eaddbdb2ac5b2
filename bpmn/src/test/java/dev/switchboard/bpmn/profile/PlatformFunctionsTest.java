package dev.switchboard.bpmn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformFunctionsTest {

    @Test
    void nextTimeIsTheNextMomentAtThatTimeOfDayInTheZone() {
        Date next = (Date) Feel.evaluate("next time(\"09:30\", \"Asia/Tokyo\")", Map.of());
        ZonedDateTime tokyo = next.toInstant().atZone(ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.getHour()).isEqualTo(9);
        assertThat(tokyo.getMinute()).isEqualTo(30);
        assertThat(next.toInstant()).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void aTimeInTheRepeatedHourOfTheAutumnChangeIsItsSecondOccurrenceOnceTheFirstHasPassed() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        // 25 October 2026: clocks go back at 03:00 CEST to 02:00 CET; 02:30 happens twice
        ZonedDateTime betweenTheTwo = ZonedDateTime.of(2026, 10, 25, 2, 45, 0, 0, paris).withEarlierOffsetAtOverlap();
        java.time.Clock before = PlatformFunctions.clock;
        PlatformFunctions.clock = java.time.Clock.fixed(betweenTheTwo.toInstant(), java.time.ZoneOffset.UTC);
        try {
            Date next = (Date) Feel.evaluate("next time(\"02:30\", \"Europe/Paris\")", Map.of());
            assertThat(next.toInstant()).isEqualTo(ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, paris)
                    .withLaterOffsetAtOverlap().toInstant());
            Date tomorrow = (Date) Feel.evaluate("next time(\"01:00\", \"Europe/Paris\")", Map.of());
            assertThat(tomorrow.toInstant()).as("01:00 is past: the next day")
                    .isEqualTo(ZonedDateTime.of(2026, 10, 26, 1, 0, 0, 0, paris).toInstant());
        } finally {
            PlatformFunctions.clock = before;
        }
    }

    @Test
    void nextTimeKeepsToTheWeekdaysGiven() {
        for (String day : List.of("MO", "saturday", "Su")) {
            Date next = (Date) Feel.evaluate("next time(time(\"08:00:00\"), zone, [day])",
                    Map.of("zone", "America/New_York", "day", day));
            ZonedDateTime local = next.toInstant().atZone(ZoneId.of("America/New_York"));
            assertThat(local.getDayOfWeek().name()).startsWith(day.toUpperCase().substring(0, 2));
            assertThat(local.getHour()).isEqualTo(8);
            assertThat(next.toInstant()).isBefore(Instant.now().plus(Duration.ofDays(7)));
        }
    }

    @Test
    void atTimeIsADateAtATimeOfDayInTheZone() {
        Date at = (Date) Feel.evaluate("at time(date(renewal) - duration(\"P3D\"), \"10:00\", \"America/New_York\")",
                Map.of("renewal", "2026-12-04"));
        assertThat(at.toInstant()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(((Date) Feel.evaluate("at time(\"2026-07-01\", \"10:00\", \"Europe/Paris\")", Map.of())).toInstant())
                .isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
    }

    @Test
    void nextAnniversaryIsTodayOrTheNextDayWithThatMonthAndDay() {
        java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("UTC"));
        assertThat(Feel.evaluate("next anniversary(dob, \"UTC\")", Map.of("dob", today.minusYears(30).toString())))
                .isEqualTo(today);
        assertThat(Feel.evaluate("next anniversary(dob, null)", Map.of("dob", today.minusYears(30).minusDays(1).toString())))
                .isEqualTo(sameDay(today.minusDays(1), today.getYear() + 1));
        Object leap = Feel.evaluate("next anniversary(\"2000-02-29\", \"UTC\")", Map.of());
        java.time.LocalDate next = (java.time.LocalDate) leap;
        assertThat(next.getMonthValue()).isEqualTo(2);
        assertThat(next.getDayOfMonth()).isEqualTo(next.isLeapYear() ? 29 : 28);
        assertThatThrownBy(() -> Feel.evaluate("next anniversary(\"someday\", \"UTC\")", Map.of()))
                .hasMessageContaining("'someday' is not a date");
    }

    private static java.time.LocalDate sameDay(java.time.LocalDate date, int year) {
        java.time.YearMonth month = java.time.YearMonth.of(year, date.getMonth());
        return month.atDay(Math.min(date.getDayOfMonth(), month.lengthOfMonth()));
    }

    @Test
    void aContactWithoutATimeZoneWaitsInUtc() {
        Map<String, Object> contact = new HashMap<>();
        contact.put("timezone", null);
        Date at = (Date) Feel.evaluate("at time(\"2026-07-01\", \"10:00\", contact.timezone)", Map.of("contact", contact));
        assertThat(at.toInstant()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(((Date) Feel.evaluate("at time(\"2026-07-01\", \"10:00\", \"Not/AZone\")", Map.of())).toInstant())
                .isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
    }

    @Test
    void badArgumentsFailTheExpressionNamingWhatIsWrong() {
        assertThatThrownBy(() -> Feel.evaluate("next time(\"nine\", \"UTC\")", Map.of()))
                .hasMessageContaining("'nine' is not a time of day");
        assertThatThrownBy(() -> Feel.evaluate("next time(\"09:00\", \"UTC\", [\"XX\"])", Map.of()))
                .hasMessageContaining("'XX' is not a weekday");
        assertThatThrownBy(() -> Feel.evaluate("at time(42, \"09:00\", \"UTC\")", Map.of())).hasMessageContaining("not a date");
        assertThat(Feel.check("next time(\"09:00\", contact.timezone, [\"MO\", \"FR\"])")).isEmpty();
        assertThat(DayOfWeek.values()).hasSize(7);
    }
}
