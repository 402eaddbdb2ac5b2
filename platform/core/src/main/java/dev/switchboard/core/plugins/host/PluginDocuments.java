package dev.switchboard.core.plugins.host;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Documents;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A plugin's document store in one location: names and documents checked against the SDK's limits
 * (refusals name what is wrong), then read and written in the location's database scope, since a
 * plugin calls from a thread of its own that has none.
 */
final class PluginDocuments implements Documents {

    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_COLLECTION_CHARS + "}");

    private final DocumentStore store;
    private final LocationId locationId;
    private final String pluginId;

    PluginDocuments(DocumentStore store, LocationId locationId, String pluginId) {
        this.store = store;
        this.locationId = locationId;
        this.pluginId = pluginId;
    }

    @Override
    public Optional<String> get(String collection, String key) throws PluginException {
        checkNames(collection, key);
        return inScope(() -> store.get(locationId, pluginId, collection, key));
    }

    @Override
    public void put(String collection, String key, String json) throws PluginException {
        checkNames(collection, key);
        checkDocument(json);
        inScope(() -> {
            store.put(locationId, pluginId, collection, key, json);
            return null;
        });
    }

    @Override
    public boolean delete(String collection, String key) throws PluginException {
        checkNames(collection, key);
        return inScope(() -> store.delete(locationId, pluginId, collection, key));
    }

    @Override
    public List<String> keys(String collection, String afterKey, int limit) throws PluginException {
        checkCollection(collection);
        if (afterKey != null) {
            checkKey(afterKey);
        }
        if (limit < 1 || limit > MAX_KEYS_PER_PAGE) {
            throw new PluginException("a page of keys holds 1 to " + MAX_KEYS_PER_PAGE + " keys, not " + limit);
        }
        return inScope(() -> store.keys(locationId, pluginId, collection, afterKey, limit));
    }

    private static void checkNames(String collection, String key) throws PluginException {
        checkCollection(collection);
        checkKey(key);
    }

    private static void checkCollection(String collection) throws PluginException {
        if (collection == null || !COLLECTION.matcher(collection).matches()) {
            throw new PluginException("a collection name is 1 to " + MAX_COLLECTION_CHARS
                    + " letters, digits, '_', '.' or '-', not " + Texts.quote(collection));
        }
    }

    private static void checkKey(String key) throws PluginException {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_CHARS) {
            throw new PluginException("a document key is 1 to " + MAX_KEY_CHARS + " characters, not "
                    + Texts.quote(key));
        }
        String unstorable = Texts.unstorable(key);
        if (unstorable != null || key.chars().anyMatch(Character::isISOControl)) {
            throw new PluginException("the document key " + (unstorable == null ? "contains a control character"
                    : unstorable));
        }
    }

    /** A JSON value within the size limit, whose strings PostgreSQL's jsonb can store. */
    private static void checkDocument(String json) throws PluginException {
        if (json == null || json.isBlank()) {
            throw new PluginException("the document is empty; store JSON, such as {} or \"text\"");
        }
        if (json.length() > MAX_DOCUMENT_CHARS) {
            throw new PluginException("the document has " + json.length() + " characters; at most "
                    + MAX_DOCUMENT_CHARS + " are stored");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new PluginException("the document is not JSON: " + e.getMessage());
        }
        String unstorable = unstorable(value);
        if (unstorable != null) {
            throw new PluginException("the document " + unstorable);
        }
    }

    private static String unstorable(JsonValue value) {
        if (value instanceof JsonString text) {
            return Texts.unstorable(text.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(PluginDocuments::unstorable).filter(reason -> reason != null).findFirst()
                    .orElse(null);
        }
        if (value instanceof JsonObject object) {
            for (var member : object.entrySet()) {
                String reason = Texts.unstorable(member.getKey());
                if (reason == null) {
                    reason = unstorable(member.getValue());
                }
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }

    private <T> T inScope(Supplier<T> work) {
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            return work.get();
        }
    }
}
