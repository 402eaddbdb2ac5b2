package dev.switchboard.core.paging;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A keyset cursor: the sort key of the last row of a page (the sort's name, then its values, the
 * row's id last), as opaque base64url text. A cursor made for another sort, or not made here at all,
 * is refused as a bad {@code cursor} parameter.
 */
public final class Cursor {

    /** Longest cursor accepted. */
    public static final int MAX_LENGTH = 2_000;

    private final String sort;
    private final List<String> values;

    private Cursor(String sort, List<String> values) {
        this.sort = sort;
        this.values = values;
    }

    /** A cursor after a row whose sort key is {@code values} (nulls allowed) under {@code sort}. */
    public static String encode(String sort, Object... values) {
        JsonArrayBuilder array = Json.createArrayBuilder().add(sort);
        for (Object value : values) {
            if (value == null) {
                array.addNull();
            } else {
                array.add(value.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(array.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the {@code cursor} parameter for a list sorted by {@code sort} with {@code size} key values.
     *
     * @return null when the parameter is absent (the first page)
     */
    public static Cursor decode(String raw, String sort, int size) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            if (raw.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String json = new String(Base64.getUrlDecoder().decode(raw.trim()), StandardCharsets.UTF_8);
            JsonArray array;
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                array = reader.readArray();
            }
            if (array.size() != size + 1 || !array.getString(0).equals(sort)) {
                throw new IllegalArgumentException("another list's cursor");
            }
            List<String> values = new ArrayList<>();
            for (JsonValue value : array.subList(1, array.size())) {
                values.add(value.getValueType() == JsonValue.ValueType.NULL ? null : ((JsonString) value).getString());
            }
            return new Cursor(sort, values);
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            throw ProblemException.invalid(FieldError.parameter("cursor",
                    "cursor is not one this list gave for sort " + sort + "; start again without it"));
        }
    }

    public String sort() {
        return sort;
    }

    /** The sort key value at {@code index}; the last one is the row's id. */
    public String value(int index) {
        return values.get(index);
    }
}
