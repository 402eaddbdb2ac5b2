package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.SwitchboardBpmn;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.StartEvent;

/**
 * A date of each contact that starts the workflow for it: its birthday, a renewal date, so many days
 * before or after, at a time of day in the contact's own time zone (the location's when the contact
 * has none):
 * <pre>{@code
 * <startEvent id="start"><extensionElements>
 *   <sb:dateTrigger field="renewal_date" offsetDays="-30" time="10:00"/>
 * </extensionElements></startEvent>
 * }</pre>
 *
 * @param field {@code dateOfBirth}, or the key of a custom date field of contacts
 * @param offsetDays days after the date (negative: before), -365 to 365
 * @param time the time of day, in the contact's zone
 * @param yearly every year on the date's anniversary (a birthday), rather than once on the date itself
 */
public record DateTrigger(String field, int offsetDays, LocalTime time, boolean yearly) {

    /** The standard field a date trigger may name; others are custom date fields. */
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final int MAX_OFFSET_DAYS = 365;

    /** The date trigger of the process's start event, if it declares one. */
    public static Optional<DateTrigger> of(Process process) {
        return element(process).map(element -> {
            List<String> problems = new ArrayList<>();
            DateTrigger trigger = read(element, problems);
            return problems.isEmpty() ? trigger : null;
        });
    }

    /** What is wrong with the process's date trigger; empty when it has none or it is right. */
    public static List<String> problems(Process process) {
        List<String> problems = new ArrayList<>();
        element(process).ifPresent(element -> read(element, problems));
        return problems;
    }

    /**
     * When this trigger fires for a contact whose field holds {@code date}, in {@code zone}: on the date
     * (or, yearly, its anniversary in {@code year}; the 29th of February is the 28th in other years)
     * moved by the offset, at the time.
     */
    public ZonedDateTime moment(LocalDate date, int year, ZoneId zone) {
        LocalDate on = (yearly ? date.withYear(year) : date).plusDays(offsetDays);
        return ZonedDateTime.of(on, time, zone);
    }

    private static Optional<ExtensionElement> element(Process process) {
        for (StartEvent start : process.findFlowElementsOfType(StartEvent.class, false)) {
            for (ExtensionElement element : start.getExtensionElements().getOrDefault(SwitchboardBpmn.DATE_TRIGGER, List.of())) {
                if (SwitchboardBpmn.NAMESPACE.equals(element.getNamespace())) {
                    return Optional.of(element);
                }
            }
        }
        return Optional.empty();
    }

    private static DateTrigger read(ExtensionElement element, List<String> problems) {
        String field = element.getAttributeValue(null, "field");
        if (field == null || field.isBlank()) {
            problems.add("<sb:dateTrigger> needs a field: dateOfBirth, or the key of a custom date field");
        }
        int offset = 0;
        String offsetText = element.getAttributeValue(null, "offsetDays");
        if (offsetText != null && !offsetText.isBlank()) {
            try {
                offset = Integer.parseInt(offsetText.trim());
            } catch (NumberFormatException e) {
                offset = Integer.MAX_VALUE;
            }
            if (Math.abs((long) offset) > MAX_OFFSET_DAYS) {
                problems.add("<sb:dateTrigger> offsetDays is a whole number of days from -" + MAX_OFFSET_DAYS + " to "
                        + MAX_OFFSET_DAYS + ", not " + offsetText);
            }
        }
        LocalTime time = LocalTime.of(9, 0);
        String timeText = element.getAttributeValue(null, "time");
        if (timeText != null && !timeText.isBlank()) {
            try {
                time = LocalTime.parse(timeText.trim());
            } catch (DateTimeParseException e) {
                problems.add("<sb:dateTrigger> time is a time of day such as 09:00, not " + timeText);
            }
        }
        String yearly = element.getAttributeValue(null, "yearly");
        if (yearly != null && !yearly.equals("true") && !yearly.equals("false")) {
            problems.add("<sb:dateTrigger> yearly is true or false, not " + yearly);
        }
        return new DateTrigger(field == null ? "" : field.trim(), offset, time, "true".equals(yearly));
    }
}
