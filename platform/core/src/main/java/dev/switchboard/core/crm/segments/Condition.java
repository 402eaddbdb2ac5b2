package dev.switchboard.core.crm.segments;

import dev.switchboard.core.problems.Texts;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One condition of a filter as its {@link ConditionType} reads it: its members, where it is in the
 * filter (a JSON pointer), and the {@link FilterContext}. Every reader reports what is wrong at the
 * member's pointer and returns {@code null}, so that one pass names every problem of a filter.
 */
public final class Condition {

    /** Longest text a condition compares with. */
    public static final int MAX_TEXT = 1_000;
    /** Most values of one list (in, hasAny, …). */
    public static final int MAX_LIST = 1_000;
    /** Largest magnitude of a number compared with, as custom fields store them. */
    static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");
    /** Longest span of a relative date, in days. */
    public static final int MAX_SPAN_DAYS = 36_600;

    private final JsonObject json;
    private final String pointer;
    private final FilterContext context;

    Condition(JsonObject json, String pointer, FilterContext context) {
        this.json = json;
        this.pointer = pointer;
        this.context = context;
    }

    public FilterContext context() {
        return context;
    }

    public JsonObject json() {
        return json;
    }

    /** The condition's own pointer: {@code /filter/all/0}. */
    public String pointer() {
        return pointer;
    }

    /** The pointer of a member (RFC 6901: {@code ~} and {@code /} in its name escaped). */
    public String pointer(String member) {
        return pointer + "/" + member.replace("~", "~0").replace("/", "~1");
    }

    /** Reports a problem with a member (or with the whole condition when {@code member} is null). */
    public void invalid(String member, String detail) {
        context.violations().at(member == null ? pointer : pointer(member), detail);
    }

    /** Reports a problem with one value of a list member. */
    public void invalid(String member, int index, String detail) {
        context.violations().at(pointer(member) + "/" + index, detail);
    }

    /** Whether every member is one of {@code allowed} (besides {@code type}); reports the others. */
    public boolean onlyMembers(String kind, List<String> allowed) {
        boolean ok = true;
        for (String member : json.keySet()) {
            if (!member.equals("type") && !allowed.contains(member)) {
                invalid(member, "not a member of " + kind + "; it has type, " + String.join(", ", allowed));
                ok = false;
            }
        }
        return ok;
    }

    public boolean has(String member) {
        return json.containsKey(member) && json.get(member).getValueType() != JsonValue.ValueType.NULL;
    }

    public JsonValue member(String member) {
        return json.get(member);
    }

    /** The member's operator, one of {@code allowed}. */
    public String operator(List<String> allowed) {
        return oneOf("operator", allowed);
    }

    /** A text member that must be one of {@code allowed}. */
    public String oneOf(String member, List<String> allowed) {
        JsonValue value = json.get(member);
        if (value instanceof JsonString text && allowed.contains(text.getString())) {
            return text.getString();
        }
        invalid(member, (value == null ? member + " is required: " : "") + member + " is one of " + String.join(", ", allowed)
                + (value == null ? "" : ", was " + shown(value)));
        return null;
    }

    /** A required text of at most {@value #MAX_TEXT} characters. */
    public String text(String member) {
        return text(json.get(member), pointer(member), member);
    }

    private String text(JsonValue value, String at, String name) {
        if (!(value instanceof JsonString string)) {
            context.violations().at(at, name + " must be a text" + (value == null ? "" : ", was " + shown(value)));
            return null;
        }
        String text = string.getString();
        if (text.length() > MAX_TEXT) {
            context.violations().at(at, name + " is at most " + MAX_TEXT + " characters");
            return null;
        }
        String unstorable = Texts.unstorable(text);
        if (unstorable != null) {
            context.violations().at(at, unstorable);
            return null;
        }
        return text;
    }

    /** A required list of 1 to {@value #MAX_LIST} texts, without repeats. */
    public List<String> texts(String member) {
        JsonValue value = json.get(member);
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            invalid(member, member + " must be a list of 1 to " + MAX_LIST + " texts" + (value == null ? "" : ", was " + shown(value)));
            return null;
        }
        if (array.size() > MAX_LIST) {
            invalid(member, member + " has at most " + MAX_LIST + " values");
            return null;
        }
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            String text = text(array.get(i), pointer(member) + "/" + i, "each value");
            ok &= text != null;
            texts.add(text);
        }
        return ok ? new ArrayList<>(texts) : null;
    }

    /** A required number below 10^15 in magnitude. */
    public BigDecimal number(String member) {
        return number(json.get(member), pointer(member), member);
    }

    private BigDecimal number(JsonValue value, String at, String name) {
        if (value instanceof JsonNumber number) {
            BigDecimal decimal = number.bigDecimalValue();
            if (decimal.abs().compareTo(MAX_NUMBER) < 0) {
                return decimal;
            }
            context.violations().at(at, name + " must be below 10^15 in magnitude");
            return null;
        }
        context.violations().at(at, name + " must be a number" + (value == null ? "" : ", was " + shown(value)));
        return null;
    }

    /** A required pair {@code [low, high]} of numbers, low not above high. */
    public BigDecimal[] numberRange(String member) {
        JsonValue value = json.get(member);
        if (!(value instanceof JsonArray array) || array.size() != 2) {
            invalid(member, member + " must be a pair [low, high]" + (value == null ? "" : ", was " + shown(value)));
            return null;
        }
        BigDecimal low = number(array.get(0), pointer(member) + "/0", "low");
        BigDecimal high = number(array.get(1), pointer(member) + "/1", "high");
        if (low == null || high == null) {
            return null;
        }
        if (low.compareTo(high) > 0) {
            invalid(member, "low must not be above high");
            return null;
        }
        return new BigDecimal[] {low, high};
    }

    /** A required date, {@code 2026-11-26}. */
    public LocalDate date(String member) {
        return date(json.get(member), pointer(member), member);
    }

    private LocalDate date(JsonValue value, String at, String name) {
        if (value instanceof JsonString text && text.getString().length() <= 10) {
            try {
                return LocalDate.parse(text.getString());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        context.violations().at(at, name + " must be a date like 2026-11-26" + (value == null ? "" : ", was " + shown(value)));
        return null;
    }

    /** A required pair {@code [from, to]} of dates, from not after to. */
    public LocalDate[] dateRange(String member) {
        JsonValue value = json.get(member);
        if (!(value instanceof JsonArray array) || array.size() != 2) {
            invalid(member, member + " must be a pair [from, to] of dates" + (value == null ? "" : ", was " + shown(value)));
            return null;
        }
        LocalDate from = date(array.get(0), pointer(member) + "/0", "from");
        LocalDate to = date(array.get(1), pointer(member) + "/1", "to");
        if (from == null || to == null) {
            return null;
        }
        if (from.isAfter(to)) {
            invalid(member, "from must not be after to");
            return null;
        }
        return new LocalDate[] {from, to};
    }

    /** A required boolean. */
    public Boolean bool(String member) {
        JsonValue value = json.get(member);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        invalid(member, member + " must be true or false" + (value == null ? "" : ", was " + shown(value)));
        return null;
    }

    /**
     * A required span of the calendar, {@code {"amount": 7, "unit": "days"}} (days, weeks, months or
     * years), as the number of days back or ahead of a given day.
     */
    public Span span(String member) {
        JsonValue value = json.get(member);
        if (!(value instanceof JsonObject object)) {
            invalid(member, member + " must be a span like {\"amount\": 7, \"unit\": \"days\"}" + (value == null ? "" : ", was " + shown(value)));
            return null;
        }
        boolean ok = true;
        for (String key : object.keySet()) {
            if (!key.equals("amount") && !key.equals("unit")) {
                context.violations().at(pointer(member) + "/" + key, "not a member of a span; it has amount and unit");
                ok = false;
            }
        }
        JsonValue amount = object.get("amount");
        Integer count = null;
        if (amount instanceof JsonNumber number && number.isIntegral() && number.bigDecimalValue().signum() >= 0
                && number.bigDecimalValue().compareTo(BigDecimal.valueOf(MAX_SPAN_DAYS)) <= 0) {
            count = number.intValue();
        } else {
            context.violations().at(pointer(member) + "/amount", "amount must be a whole number from 0 to " + MAX_SPAN_DAYS
                    + (amount == null ? "" : ", was " + shown(amount)));
        }
        JsonValue unit = object.get("unit");
        Span.Unit spanUnit = unit instanceof JsonString text ? Span.Unit.of(text.getString()) : null;
        if (spanUnit == null) {
            context.violations().at(pointer(member) + "/unit", "unit is one of days, weeks, months, years"
                    + (unit == null ? "" : ", was " + shown(unit)));
        }
        if (!ok || count == null || spanUnit == null) {
            return null;
        }
        Span span = new Span(count, spanUnit);
        if (span.approximateDays() > MAX_SPAN_DAYS) {
            invalid(member, "a span is at most " + MAX_SPAN_DAYS + " days");
            return null;
        }
        return span;
    }

    /** A value as a problem quotes it: short, on one line. */
    static String shown(JsonValue value) {
        if (value == null) {
            return "missing";
        }
        return Texts.quote(value instanceof JsonString text ? text.getString() : value.toString());
    }
}
