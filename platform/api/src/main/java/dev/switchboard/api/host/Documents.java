package dev.switchboard.api.host;

import dev.switchboard.api.PluginException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A small store of JSON documents, private to this plugin in this location: state a plugin keeps
 * between calls (a vendor's cursor, a mapping of the vendor's ids to contacts). Documents are grouped
 * in collections; keys are unique per collection. Each call is a transaction of its own.
 *
 * <pre>{@code
 * Documents documents = context.documents();
 * documents.put("cursors", "orders", "{\"after\": \"ord_123\"}");
 * String cursor = documents.get("cursors", "orders").orElse("{}");
 * List<String> page = documents.keys("customers", null, 100);
 * }</pre>
 */
@ProviderType
public interface Documents {

    /** Largest document, in characters of JSON. */
    int MAX_DOCUMENT_CHARS = 256 * 1024;

    /** Longest collection name: letters, digits, {@code _ . -}. */
    int MAX_COLLECTION_CHARS = 100;

    /** Longest key: any printable text. */
    int MAX_KEY_CHARS = 200;

    /** Most keys {@link #keys} returns at once. */
    int MAX_KEYS_PER_PAGE = 1000;

    /**
     * The document as JSON text, if there is one.
     *
     * @throws PluginException when the collection or key is not a valid name
     */
    Optional<String> get(String collection, String key) throws PluginException;

    /**
     * Stores (or replaces) a document.
     *
     * @param json a JSON value; refused when it is not JSON or larger than {@link #MAX_DOCUMENT_CHARS}
     * @throws PluginException naming what is wrong with the collection, key or document
     */
    void put(String collection, String key, String json) throws PluginException;

    /** Removes a document; whether there was one. */
    boolean delete(String collection, String key) throws PluginException;

    /**
     * Keys of a collection in order, after {@code afterKey} (from the start when {@code null}): pass the
     * last key of one page to get the next.
     *
     * @param limit how many at most, 1 to {@link #MAX_KEYS_PER_PAGE}
     */
    List<String> keys(String collection, String afterKey, int limit) throws PluginException;
}
