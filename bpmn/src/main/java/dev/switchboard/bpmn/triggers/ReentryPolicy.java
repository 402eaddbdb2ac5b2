package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.SwitchboardBpmn;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.Process;

/**
 * Whether a contact may enter a workflow again, as its process says with {@code sb:reentry}: every time
 * ({@code always}, the default), once ever ({@code once}), or once per so many days ({@code P30D}).
 *
 * @param within for a policy of once per period, the period; null otherwise
 */
public record ReentryPolicy(Kind kind, Duration within) {

    /** How often a contact may enter. */
    public enum Kind { ALWAYS, ONCE, ONCE_PER_PERIOD }

    public static final ReentryPolicy ALWAYS = new ReentryPolicy(Kind.ALWAYS, null);
    private static final Pattern DAYS = Pattern.compile("P([1-9][0-9]{0,3})D");

    /** The policy the text names, or empty when it names none. */
    public static Optional<ReentryPolicy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim()) {
            case "always" -> Optional.of(ALWAYS);
            case "once" -> Optional.of(new ReentryPolicy(Kind.ONCE, null));
            default -> {
                Matcher days = DAYS.matcher(text.trim());
                yield days.matches() ? Optional.of(new ReentryPolicy(Kind.ONCE_PER_PERIOD,
                        Duration.ofDays(Integer.parseInt(days.group(1))))) : Optional.empty();
            }
        };
    }

    /** The policy of a process: its {@code sb:reentry}, always when it has none (the profile checked its form). */
    public static ReentryPolicy of(Process process) {
        return parse(process.getAttributeValue(SwitchboardBpmn.NAMESPACE, SwitchboardBpmn.REENTRY)).orElse(ALWAYS);
    }

    /** As {@code sb:reentry} writes it. */
    public String text() {
        return switch (kind) {
            case ALWAYS -> "always";
            case ONCE -> "once";
            case ONCE_PER_PERIOD -> "P" + within.toDays() + "D";
        };
    }
}
