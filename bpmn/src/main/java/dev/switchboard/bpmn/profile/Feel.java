package dev.switchboard.bpmn.profile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The expression language of workflows: FEEL, the DMN standard's, as Camunda 8 writes it. A value
 * that starts with {@code =} is an expression ({@code = contact.firstName = "Ada"}); any other value
 * is literal text. FEEL has no way to reach Java: external functions stay off (the engine's default),
 * and every value handed in is first copied into plain text, numbers, booleans, dates, lists and
 * maps, so no Java object, and none of its getters, is ever in reach of an expression.
 */
public final class Feel {

    /** Longest expression accepted. */
    public static final int MAX_LENGTH = 4000;
    /** Deepest nesting of lists and maps handed to an expression; deeper values are cut. */
    private static final int MAX_VALUE_DEPTH = 16;

    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false)
            .withFunctionProvider(new PlatformFunctions()).build();

    private Feel() {
    }

    /** Whether the text is an expression ({@code =…}) rather than literal text. */
    public static boolean isExpression(String text) {
        return text != null && text.stripLeading().startsWith("=");
    }

    /** The FEEL source of an expression: the text after its {@code =}. */
    public static String source(String text) {
        return text.stripLeading().substring(1);
    }

    /** Why the expression cannot be used, or empty when it parses. */
    public static Optional<String> check(String expression) {
        if (expression.length() > MAX_LENGTH) {
            return Optional.of("the expression is longer than " + MAX_LENGTH + " characters");
        }
        if (expression.isBlank()) {
            return Optional.of("the expression after '=' is empty");
        }
        Optional<String> regex = regexFunction(expression);
        if (regex.isPresent()) {
            return Optional.of("FEEL's " + regex.get() + "() takes a regular expression, which can take unbounded time on"
                    + " a contact's data; use contains(), starts with(), ends with() or substring() instead");
        }
        ParseResult parsed = ENGINE.parseExpression(expression);
        return parsed.isSuccess() ? Optional.empty() : Optional.of("not a valid FEEL expression: " + parsed.failure().message());
    }

    /**
     * Evaluates {@code expression} over {@code variables}.
     *
     * @throws IllegalArgumentException when it does not parse or fails
     */
    public static Object evaluate(String expression, Map<String, ?> variables) {
        EvaluationResult result = run(expression, variables);
        if (result.result() == null && result.hasSuppressedFailures()) {
            // null because something was missing: say what, rather than let a condition be silently void
            List<String> reasons = CollectionConverters.asJava(result.suppressedFailures()).stream()
                    .map(EvaluationFailure::failureMessage).toList();
            throw new IllegalArgumentException("the expression '" + abbreviate(expression) + "' has no value: "
                    + String.join("; ", reasons));
        }
        return fromFeel(result.result());
    }

    /**
     * Whether a filter holds: {@code true} holds; {@code false}, and null (a value that was left out,
     * such as a field an event does not carry), do not.
     *
     * @throws IllegalArgumentException when it does not parse, fails, or gives something else
     */
    public static boolean holds(String expression, Map<String, ?> variables) {
        Object result = run(expression, variables).result();
        if (result == null || result instanceof Boolean) {
            return Boolean.TRUE.equals(result);
        }
        throw new IllegalArgumentException("the condition '" + abbreviate(expression.strip()) + "' gave " + result
                + ", not true or false");
    }

    private static EvaluationResult run(String expression, Map<String, ?> variables) {
        regexFunction(expression).ifPresent(function -> {
            throw new IllegalArgumentException("refused to evaluate '" + abbreviate(expression) + "': " + function
                    + "() is not part of the platform's profile");
        });
        Map<String, Object> context = new LinkedHashMap<>();
        variables.forEach((name, value) -> context.put(name, plain(value, 0)));
        EvaluationResult result = ENGINE.evaluateExpression(expression, context);
        if (!result.isSuccess()) {
            throw new IllegalArgumentException("the expression '" + abbreviate(expression) + "' failed: "
                    + result.failure().message());
        }
        return result;
    }

    /**
     * The name of a FEEL function the expression calls whose argument is a regular expression
     * ({@code matches}, {@code replace}, {@code split}): a pattern that backtracks catastrophically on
     * crafted input would hold an engine thread for minutes. String literals are not searched.
     */
    static Optional<String> regexFunction(String expression) {
        Matcher call = REGEX_FUNCTION.matcher(expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
        return call.find() ? Optional.of(call.group(1)) : Optional.empty();
    }

    private static final Pattern REGEX_FUNCTION = Pattern.compile("(?<![\\w.])(matches|replace|split)\\s*\\(");

    /** A copy of the value made of types FEEL knows, with nothing of Java behind them. */
    static Object plain(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof BigDecimal || value instanceof LocalDate || value instanceof LocalTime
                || value instanceof LocalDateTime || value instanceof ZonedDateTime || value instanceof Duration
                || value instanceof Period) {
            return value;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toZonedDateTime();
        }
        if (value instanceof Instant instant) {
            return instant.atZone(ZoneOffset.UTC);
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC);
        }
        if (value instanceof UUID || value instanceof Enum<?> || value instanceof Character) {
            return value.toString();
        }
        if (depth >= MAX_VALUE_DEPTH) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item, depth + 1)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(plain(item, depth + 1)));
            return copy;
        }
        // anything else (a JSON node, a serialized object) is seen as its text
        return value.toString();
    }

    /** A FEEL result as the engine expects values: whole numbers as longs, temporal amounts as ISO text. */
    static Object fromFeel(Object value) {
        if (value instanceof BigDecimal number) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException notWhole) {
                return number.doubleValue();
            }
        }
        if (value instanceof scala.math.BigDecimal number) {
            return fromFeel(number.bigDecimal());
        }
        if (value instanceof Duration || value instanceof Period) {
            return value.toString();
        }
        if (value instanceof ZonedDateTime time) {
            return Date.from(time.toInstant());
        }
        if (value instanceof OffsetDateTime time) {
            return Date.from(time.toInstant());
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
