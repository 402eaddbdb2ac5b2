package dev.switchboard.plugins.webhook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values (objects as {@code Map<String, Object>} in their order, arrays as lists,
 * numbers as {@link BigDecimal}, {@code true}/{@code false}, {@code null}), read and written, and read
 * by JSON Pointer (RFC 6901). A PF4J plugin jar carries no libraries and the JDK has no JSON, so the
 * plugin brings this much. Reading is bounded in depth, since inbound documents come from strangers.
 */
final class Json {

    /** Deepest nesting read. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** Thrown when the text is not JSON; the message says where. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    static Object parse(String text) throws Malformed {
        Json reader = new Json(text);
        reader.blanks();
        Object value = reader.value(0);
        reader.blanks();
        if (reader.at != text.length()) {
            throw reader.malformed("unexpected text after the value");
        }
        return value;
    }

    /** The value at {@code pointer}, or {@code null} when there is none. */
    @SuppressWarnings("unchecked")
    static Object at(Object root, String pointer) {
        if (pointer.isEmpty()) {
            return root;
        }
        Object current = root;
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> object) {
                current = ((Map<String, Object>) object).get(name);
            } else if (current instanceof List<?> array && name.matches("0|[1-9][0-9]{0,8}")
                    && Integer.parseInt(name) < array.size()) {
                current = array.get(Integer.parseInt(name));
            } else {
                return null;
            }
        }
        return current;
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value instanceof BigDecimal decimal ? decimal.toString() : value.toString());
        } else if (value instanceof Map<?, ?> object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> member : object.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(member.getKey()), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out);
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Object value(int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (at >= text.length()) {
            throw malformed("the text ends where a value should be");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws Malformed {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        blanks();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            blanks();
            if (peek() != '"') {
                throw malformed("a member name in quotes was expected");
            }
            String name = string();
            blanks();
            expect(':');
            blanks();
            object.put(name, value(depth + 1));
            blanks();
            if (peek() == ',') {
                at++;
            } else if (peek() == '}') {
                at++;
                return object;
            } else {
                throw malformed("',' or '}' was expected");
            }
        }
    }

    private List<Object> array(int depth) throws Malformed {
        List<Object> array = new ArrayList<>();
        at++;
        blanks();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            blanks();
            array.add(value(depth + 1));
            blanks();
            if (peek() == ',') {
                at++;
            } else if (peek() == ']') {
                at++;
                return array;
            } else {
                throw malformed("',' or ']' was expected");
            }
        }
    }

    private String string() throws Malformed {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw malformed("a control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw malformed("a \\u escape needs four hex digits");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw malformed("a \\u escape needs four hex digits");
                    }
                    at += 4;
                }
                default -> throw malformed("unknown escape \\" + escaped);
            }
        }
        throw malformed("a string is not closed");
    }

    private Object literal(String word, Object value) throws Malformed {
        if (!text.startsWith(word, at)) {
            throw malformed("unexpected text");
        }
        at += word.length();
        return value;
    }

    private BigDecimal number() throws Malformed {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        if (number.isEmpty() || !number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?") || number.length() > 100) {
            at = start;
            throw malformed("unexpected text");
        }
        return new BigDecimal(number);
    }

    private void blanks() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() throws Malformed {
        if (at >= text.length()) {
            throw malformed("the text ends too early");
        }
        return text.charAt(at);
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw malformed("'" + c + "' was expected");
        }
        at++;
    }

    private Malformed malformed(String what) {
        return new Malformed(what + " at character " + (at + 1));
    }
}
