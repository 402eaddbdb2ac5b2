package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.paging.KeysetQuery;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lists and searches a location's contacts with plain SQL, where it is the better tool: full-text
 * search over names, emails, phones and company (prefix matching, {@code simple} dictionary), filters
 * by tags (GIN) and assignee, four sorts, keyset paging. The page's contacts are then read as
 * entities by id.
 */
@ApplicationScoped
public class ContactSearch {

    /** Longest search text. */
    public static final int MAX_QUERY = 200;
    /** Most tags one list filters by. */
    public static final int MAX_FILTER_TAGS = 20;
    private static final Pattern PHONE_LIKE = Pattern.compile("[\\d\\s()+.\\-]+");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** A word with at most this many contacts is "rare": search starts from its contacts. */
    static final int RARE = 1_000;
    /** Longest word kept per term (V6). */
    private static final int MAX_TERM = 100;
    /** The greatest code point: every term starting with a word sorts below the word followed by it. */
    private static final String LAST_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    /** A sort: its SQL expression (constant text), and the type its cursor value is cast back to. */
    enum Sort {
        CREATED_AT("createdAt", "c.created_at", "timestamptz"),
        UPDATED_AT("updatedAt", "c.updated_at", "timestamptz"),
        NAME("name", "lower(coalesce(c.name, ''))", "text"),
        EMAIL("email", "coalesce(c.email, '')", "text");

        final String apiName;
        final String expression;
        final String type;

        Sort(String apiName, String expression, String type) {
            this.apiName = apiName;
            this.expression = expression;
            this.type = type;
        }

        static Sort of(String name) {
            if (name == null || name.isBlank()) {
                return CREATED_AT;
            }
            return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(FieldError.parameter("sort",
                            "sort must be one of createdAt, updatedAt, name, email, was " + Texts.quote(name))));
        }
    }

    @Inject
    Database db;

    @Inject
    Contacts contacts;

    public Page<Contact> list(LocationId locationId, ContactQuery query) {
        return list(locationId, query, null, List.of());
    }

    /**
     * A list of the contacts that also meet {@code where}, a condition over the contact row {@code c}
     * with its bind parameters (a segment's compiled filter).
     */
    public Page<Contact> list(LocationId locationId, ContactQuery query, String where, List<Object> whereParams) {
        Sort sort = Sort.of(query.sort());
        StringBuilder from = new StringBuilder("FROM contact c WHERE c.location_id = ?");
        List<Object> params = new ArrayList<>(List.of(locationId));
        if (where != null) {
            from.append(" AND (").append(where).append(')');
            params.addAll(whereParams);
        }
        from.append(query.deleted() ? " AND c.deleted_at IS NOT NULL" : " AND c.deleted_at IS NULL");
        List<String> words = words(query.query());
        if (!words.isEmpty()) {
            UUID[] candidates = rareWordCandidates(locationId, words);
            if (candidates != null) {
                from.append(" AND c.id = ANY (?)");
                params.add(candidates);
            }
            from.append(" AND c.search @@ to_tsquery('simple', ?)");
            params.add(tsQuery(words));
        }
        List<String> tags = tags(query.tags());
        if (!tags.isEmpty()) {
            from.append(" AND c.tags @> ?::text[]");
            params.add(tags.toArray(String[]::new));
        }
        if (query.assignedTo() != null) {
            from.append(" AND c.assigned_to = ?");
            params.add(query.assignedTo());
        }
        KeysetQuery.Order order = new KeysetQuery.Order(sort.apiName + (query.ascending() ? ".asc" : ".desc")
                + (query.deleted() ? ".deleted" : ""), sort.expression, sort.type, "c.id", query.ascending());
        Page<UUID> ids = KeysetQuery.ids(db, from.toString(), params, order, query.limit(), query.cursor());
        return new Page<>(contacts.views(locationId, ids.items()), ids.nextCursor());
    }

    /**
     * The contacts having a word that starts with the rarest of {@code words}, when it has at most
     * {@value #RARE} of them; else null, and the list scans the location's contacts in its order,
     * which finds common words fast. (Under row-level security the tsvector's GIN index is not used;
     * the words' btree is, see V6.)
     */
    private UUID[] rareWordCandidates(LocationId locationId, List<String> words) {
        List<UUID> fewest = null;
        for (String word : words) {
            String term = word.length() > MAX_TERM ? word.substring(0, MAX_TERM) : word;
            List<UUID> ids = db.query("""
                    SELECT DISTINCT contact_id FROM contact_search_term
                    WHERE location_id = ? AND term >= ? AND term < ? LIMIT ?""",
                    row -> row.getObject(1, UUID.class), locationId, term, term + LAST_CHARACTER, RARE + 1);
            if (ids.size() <= RARE && (fewest == null || ids.size() < fewest.size())) {
                fewest = ids;
            }
        }
        return fewest == null ? null : fewest.toArray(UUID[]::new);
    }

    /**
     * The words of a search text: its letters-and-digits runs, lower-cased (at most 10); a phone-like
     * text is one word of its digits. Only these reach the query, as bind parameters.
     */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > MAX_QUERY) {
            throw ProblemException.invalid(FieldError.parameter("query", "at most " + MAX_QUERY + " characters"));
        }
        String unstorable = Texts.unstorable(text);
        if (unstorable != null) {
            throw ProblemException.invalid(FieldError.parameter("query", unstorable));
        }
        if (PHONE_LIKE.matcher(text).matches() && text.chars().filter(Character::isDigit).count() >= 3) {
            return List.of(text.replaceAll("\\D", ""));
        }
        return Arrays.stream(WORD_BREAK.split(text.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty()).limit(10).toList();
    }

    /** The words as a prefix query: {@code ada love} → {@code ada:* & love:*}. */
    static String tsQuery(List<String> words) {
        return words.stream().map(word -> word + ":*").collect(Collectors.joining(" & "));
    }

    private static List<String> tags(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        if (raw.size() > MAX_FILTER_TAGS) {
            throw ProblemException.invalid(FieldError.parameter("tag", "at most " + MAX_FILTER_TAGS + " tags"));
        }
        Violations violations = new Violations();
        List<String> tags = new ArrayList<>();
        for (String tag : raw) {
            tags.add(Tags.normalize(tag, "tag", violations));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(FieldError.parameter("tag", violations.errors().get(0).detail()));
        }
        return tags;
    }
}
