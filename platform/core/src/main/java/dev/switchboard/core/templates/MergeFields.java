package dev.switchboard.core.templates;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders merge fields in workflow texts: {@code {{contact.firstName}}} is replaced by the value
 * of {@code contact.firstName}; {@code {{contact.firstName | "there"}}} falls back to {@code there}
 * when the value is missing or blank. Unknown fields without a fallback render as empty text, the
 * way agencies expect from email tools. Text outside {@code {{…}}} is copied unchanged. Workflow
 * actions get {@code contact.*}, {@code location.name} and the location's custom values as
 * {@code custom_values.<key>}.
 */
public final class MergeFields {

    private static final Pattern FIELD =
            Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)*)\\s*(?:\\|\\s*\"([^\"]*)\"\\s*)?}}");

    private MergeFields() {
    }

    public static String render(String template, Map<String, String> values) {
        if (template == null || template.indexOf("{{") < 0) {
            return template;
        }
        Matcher matcher = FIELD.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                value = matcher.group(2) == null ? "" : matcher.group(2);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
