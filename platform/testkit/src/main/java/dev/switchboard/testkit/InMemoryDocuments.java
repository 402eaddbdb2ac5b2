package dev.switchboard.testkit;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Documents;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The document store of the in-memory host: collections of sorted keys, with the platform's limits. */
public final class InMemoryDocuments implements Documents {

    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_COLLECTION_CHARS + "}");

    private final Map<String, NavigableMap<String, String>> collections = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String collection, String key) throws PluginException {
        check(collection, key);
        return Optional.ofNullable(collection(collection).get(key));
    }

    @Override
    public void put(String collection, String key, String json) throws PluginException {
        check(collection, key);
        if (json == null || json.length() > MAX_DOCUMENT_CHARS) {
            throw new PluginException("a document is JSON of at most " + MAX_DOCUMENT_CHARS + " characters");
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            reader.readValue();
        } catch (JsonParsingException e) {
            throw new PluginException("the document is not JSON: " + e.getMessage());
        }
        collection(collection).put(key, json);
    }

    @Override
    public boolean delete(String collection, String key) throws PluginException {
        check(collection, key);
        return collection(collection).remove(key) != null;
    }

    @Override
    public List<String> keys(String collection, String afterKey, int limit) throws PluginException {
        check(collection, afterKey == null ? "-" : afterKey);
        if (limit < 1 || limit > MAX_KEYS_PER_PAGE) {
            throw new PluginException("a page of keys holds 1 to " + MAX_KEYS_PER_PAGE + " keys, not " + limit);
        }
        NavigableMap<String, String> documents = collection(collection);
        synchronized (documents) {
            return (afterKey == null ? documents : documents.tailMap(afterKey, false)).keySet().stream()
                    .limit(limit).toList();
        }
    }

    private NavigableMap<String, String> collection(String name) {
        return collections.computeIfAbsent(name, ignored -> java.util.Collections.synchronizedNavigableMap(new TreeMap<>()));
    }

    private static void check(String collection, String key) throws PluginException {
        if (collection == null || !COLLECTION.matcher(collection).matches()) {
            throw new PluginException("a collection name is 1 to " + MAX_COLLECTION_CHARS
                    + " letters, digits, '_', '.' or '-', not '" + collection + "'");
        }
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_CHARS) {
            throw new PluginException("a document key is 1 to " + MAX_KEY_CHARS + " characters");
        }
    }
}
