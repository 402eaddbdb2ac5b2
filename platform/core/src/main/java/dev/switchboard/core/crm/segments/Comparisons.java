package dev.switchboard.core.crm.segments;

import dev.switchboard.core.db.TypedArray;
import dev.switchboard.core.problems.Texts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The operators of the filter language by kind of value, compiled against a {@link Target}. Each
 * negative operator (notEquals, notContains, notIn) is its positive one negated, so it also matches
 * the contacts without a value; isEmpty is the negation of isNotEmpty.
 */
final class Comparisons {

    static final List<String> TEXT = List.of("equals", "notEquals", "contains", "notContains", "startsWith", "in", "notIn",
            "isEmpty", "isNotEmpty");
    static final List<String> OPTION = List.of("equals", "notEquals", "in", "notIn", "isEmpty", "isNotEmpty");
    static final List<String> NUMBER = List.of("equals", "notEquals", "greater", "greaterOrEqual", "less", "lessOrEqual",
            "between", "isEmpty", "isNotEmpty");
    static final List<String> DATE = List.of("equals", "notEquals", "before", "after", "between", "inLast", "inNext",
            "moreThanAgo", "anniversaryInNext", "isEmpty", "isNotEmpty");
    static final List<String> TIMESTAMP = DATE.stream().filter(op -> !op.equals("anniversaryInNext")).toList();
    static final List<String> BOOLEAN = List.of("equals", "isEmpty", "isNotEmpty");
    /** Every operator of the language. */
    static final List<String> ALL = java.util.stream.Stream.of(TEXT, NUMBER, DATE, List.of("in", "notIn"))
            .flatMap(List::stream).distinct().toList();

    private Comparisons() {
    }

    /**
     * Texts, compared in lower case (PostgreSQL's lower() on both sides). {@code exact} normalises the value as the field stores it (an
     * email in lower case, a phone in E.164) and compares equals and in exactly, which the field's
     * index answers; null when the value cannot be such a field's.
     */
    static SqlCondition text(Condition condition, Target target, UnaryOperator<String> exact) {
        String operator = condition.operator(TEXT);
        if (operator == null) {
            return null;
        }
        switch (operator) {
            case "isEmpty", "isNotEmpty" -> {
                return presence(condition, target, operator);
            }
            case "in", "notIn" -> {
                List<String> values = condition.texts("value");
                if (values == null) {
                    return null;
                }
                List<String> compared = new ArrayList<>();
                for (String value : values) {
                    String normal = exact == null ? value : exact.apply(value);
                    if (normal == null) {
                        return null;
                    }
                    compared.add(normal);
                }
                SqlCondition in = target.test(exact == null ? "lower(%1$s) = ANY (SELECT lower(x) FROM unnest(?::text[]) x)" : "%1$s = ANY (?)",
                        List.of((Object) compared.toArray(String[]::new)));
                return operator.equals("in") ? in : in.not();
            }
            default -> {
                String value = condition.text("value");
                if (value == null) {
                    return null;
                }
                SqlCondition positive;
                switch (operator) {
                    case "equals", "notEquals" -> {
                        if (exact != null) {
                            String normal = exact.apply(value);
                            if (normal == null) {
                                return null;
                            }
                            positive = target.test("%1$s = ?", List.of(normal));
                        } else {
                            positive = target.test("lower(%1$s) = lower(?)", List.of(value));
                        }
                    }
                    case "contains", "notContains" -> positive = target.test("strpos(lower(%1$s), lower(?)) > 0", List.of(value));
                    case "startsWith" -> positive = target.test("starts_with(lower(%1$s), lower(?))", List.of(value));
                    default -> throw new IllegalStateException(operator);
                }
                return operator.startsWith("not") ? positive.not() : positive;
            }
        }
    }

    /** The options of a singleOption or multipleOptions field; values are matched to them ignoring case. */
    static SqlCondition option(Condition condition, Target target, List<String> options) {
        String operator = condition.operator(OPTION);
        if (operator == null) {
            return null;
        }
        if (operator.equals("isEmpty") || operator.equals("isNotEmpty")) {
            return presence(condition, target, operator);
        }
        List<String> values = operator.equals("in") || operator.equals("notIn") ? condition.texts("value")
                : single(condition.text("value"));
        if (values == null) {
            return null;
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String option = options.stream().filter(o -> o.equalsIgnoreCase(value)).findFirst().orElse(null);
            if (option == null) {
                String detail = Texts.quote(value) + " is not one of the field's options " + options;
                if (operator.equals("in") || operator.equals("notIn")) {
                    condition.invalid("value", i, detail);
                } else {
                    condition.invalid("value", detail);
                }
                return null;
            }
            chosen.add(option);
        }
        SqlCondition in = target.test("%1$s = ANY (?)", List.of((Object) chosen.toArray(String[]::new)));
        return operator.equals("equals") || operator.equals("in") ? in : in.not();
    }

    /** Numbers; {@code asDouble} compares as float8 (the typed copy of custom fields), else as numeric. */
    static SqlCondition number(Condition condition, Target target, boolean asDouble) {
        String operator = condition.operator(NUMBER);
        if (operator == null) {
            return null;
        }
        if (operator.equals("isEmpty") || operator.equals("isNotEmpty")) {
            return presence(condition, target, operator);
        }
        if (operator.equals("between")) {
            BigDecimal[] range = condition.numberRange("value");
            return range == null ? null
                    : target.test("%1$s BETWEEN ? AND ?", List.of(bound(range[0], asDouble), bound(range[1], asDouble)));
        }
        BigDecimal value = condition.number("value");
        if (value == null) {
            return null;
        }
        String test = switch (operator) {
            case "equals", "notEquals" -> "%1$s = ?";
            case "greater" -> "%1$s > ?";
            case "greaterOrEqual" -> "%1$s >= ?";
            case "less" -> "%1$s < ?";
            case "lessOrEqual" -> "%1$s <= ?";
            default -> throw new IllegalStateException(operator);
        };
        SqlCondition positive = target.test(test, List.of(bound(value, asDouble)));
        return operator.equals("notEquals") ? positive.not() : positive;
    }

    private static Object bound(BigDecimal value, boolean asDouble) {
        return asDouble ? (Object) value.doubleValue() : value;
    }

    /** Dates of a date column or of the typed copy; the relative operators count days of the location's calendar. */
    static SqlCondition date(Condition condition, Target target) {
        String operator = condition.operator(DATE);
        if (operator == null) {
            return null;
        }
        return dates(condition, target, operator, false);
    }

    /** Moments (created, updated): a day of the location's calendar is the span from its start to the next day's. */
    static SqlCondition timestamp(Condition condition, Target target) {
        String operator = condition.operator(TIMESTAMP);
        if (operator == null) {
            return null;
        }
        return dates(condition, target, operator, true);
    }

    private static SqlCondition dates(Condition condition, Target target, String operator, boolean moments) {
        FilterContext context = condition.context();
        LocalDate today = context.today();
        // each operator as a range of days [from, to], either end open (null)
        LocalDate from;
        LocalDate to;
        switch (operator) {
            case "isEmpty", "isNotEmpty" -> {
                return presence(condition, target, operator);
            }
            case "equals", "notEquals", "before", "after" -> {
                LocalDate day = condition.date("value");
                if (day == null) {
                    return null;
                }
                from = operator.equals("before") ? null : operator.equals("after") ? day.plusDays(1) : day;
                to = operator.equals("after") ? null : operator.equals("before") ? day.minusDays(1) : day;
            }
            case "between" -> {
                LocalDate[] range = condition.dateRange("value");
                if (range == null) {
                    return null;
                }
                from = range[0];
                to = range[1];
            }
            case "inLast", "inNext", "moreThanAgo", "anniversaryInNext" -> {
                Span span = condition.span("value");
                if (span == null) {
                    return null;
                }
                if (operator.equals("anniversaryInNext")) {
                    return anniversary(condition, target, today, span.after(today));
                }
                from = operator.equals("inLast") ? span.before(today) : operator.equals("inNext") ? today : null;
                to = operator.equals("inLast") ? today : operator.equals("inNext") ? span.after(today) : span.before(today).minusDays(1);
            }
            default -> throw new IllegalStateException(operator);
        }
        SqlCondition range = range(target, from, to, moments, context);
        return operator.equals("notEquals") ? range.not() : range;
    }

    private static SqlCondition range(Target target, LocalDate from, LocalDate to, boolean moments, FilterContext context) {
        List<String> tests = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (from != null) {
            tests.add("%1$s >= ?");
            params.add(moments ? OffsetDateTime.ofInstant(context.startOf(from), ZoneOffset.UTC) : from);
        }
        if (to != null) {
            tests.add(moments ? "%1$s < ?" : "%1$s <= ?");
            params.add(moments ? OffsetDateTime.ofInstant(context.startOf(to.plusDays(1)), ZoneOffset.UTC) : to);
        }
        return target.test(String.join(" AND ", tests), params);
    }

    /** Checkboxes. */
    static SqlCondition bool(Condition condition, Target target) {
        String operator = condition.operator(BOOLEAN);
        if (operator == null) {
            return null;
        }
        if (!operator.equals("equals")) {
            return presence(condition, target, operator);
        }
        Boolean value = condition.bool("value");
        return value == null ? null : target.test("%1$s = ?", List.of(value));
    }

    private static SqlCondition presence(Condition condition, Target target, String operator) {
        if (condition.has("value")) {
            condition.invalid("value", operator + " takes no value");
            return null;
        }
        return operator.equals("isNotEmpty") ? target.present() : target.present().not();
    }

    private static List<String> single(String value) {
        return value == null ? null : List.of(value);
    }

    /** Most dates one anniversary condition lists for the index; beyond, it compares month and day row by row. */
    static final int MAX_ANNIVERSARY_DATES = 20_000;

    /**
     * The contacts whose date's day of the year falls in [from, to] (this year's or the next): as the
     * list of those days in every year the stored dates span, so that the dates' index answers it.
     * February 29 counts on February 28 in other years.
     */
    static SqlCondition anniversary(Condition condition, Target target, LocalDate from, LocalDate to) {
        if (!to.isBefore(from.plusYears(1))) {
            return target.present();
        }
        LocalDate[] span = condition.context().valueRange(target);
        if (span == null) {
            return SqlCondition.FALSE;
        }
        List<MonthDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(MonthDay.from(day));
            if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
                days.add(MonthDay.of(2, 29));
            }
        }
        long count = (long) days.size() * (span[1].getYear() - span[0].getYear() + 1);
        if (count > MAX_ANNIVERSARY_DATES) {
            int[] keys = days.stream().mapToInt(day -> day.getMonthValue() * 100 + day.getDayOfMonth()).distinct().toArray();
            return target.test("(extract(month FROM %1$s) * 100 + extract(day FROM %1$s))::int = ANY (?)",
                    List.of((Object) java.util.Arrays.stream(keys).boxed().toArray(Integer[]::new)));
        }
        List<String> dates = new ArrayList<>();
        for (int year = span[0].getYear(); year <= span[1].getYear(); year++) {
            for (MonthDay day : days) {
                if (day.isValidYear(year)) {
                    dates.add(day.atYear(year).toString());
                }
            }
        }
        return target.test("%1$s = ANY (?)", List.of((Object) new TypedArray("date", dates)));
    }
}
