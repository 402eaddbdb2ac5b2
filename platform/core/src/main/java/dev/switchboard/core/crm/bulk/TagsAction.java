package dev.switchboard.core.crm.bulk;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Adds or removes tags, through the contact's own service: history, timeline and tag events as for one. */
abstract class TagsAction implements BulkAction {

    /** Most tags one bulk action adds or removes. */
    static final int MAX_TAGS = 20;

    @Inject
    Contacts contacts;

    abstract boolean adding();

    @Override
    public JsonObject schema() {
        return Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add("tags", Json.createObjectBuilder().add("type", "array")
                        .add("minItems", 1).add("maxItems", MAX_TAGS).add("items", Json.createObjectBuilder().add("type", "string"))))
                .add("required", Json.createArrayBuilder().add("tags"))
                .add("additionalProperties", false).build();
    }

    @Override
    public JsonObject prepare(LocationId locationId, JsonObject options, Violations violations) {
        options.keySet().stream().filter(key -> !key.equals("tags"))
                .forEach(key -> violations.at("/options/" + key, "not an option of " + name() + "; it has tags"));
        JsonValue value = options.get("tags");
        if (!(value instanceof JsonArray list) || list.isEmpty() || list.size() > MAX_TAGS) {
            violations.at("/options/tags", "tags is a list of 1 to " + MAX_TAGS + " tags");
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof JsonString text) {
                tags.add(Tags.normalize(text.getString(), "/options/tags/" + i, violations));
            } else {
                violations.at("/options/tags/" + i, "a tag is a text");
            }
        }
        JsonArrayBuilder normal = Json.createArrayBuilder();
        tags.forEach(normal::add);
        return Json.createObjectBuilder().add("tags", normal).build();
    }

    @Override
    public boolean apply(LocationId locationId, UUID contactId, JsonObject options, Actor actor, UUID jobId) {
        boolean changed = false;
        for (JsonValue tag : options.getJsonArray("tags")) {
            String name = ((JsonString) tag).getString();
            Contact before = contacts.find(locationId, contactId).orElse(null);
            if (before == null) {
                return false;
            }
            boolean has = before.tags().contains(name);
            if (has != adding()) {
                if (adding()) {
                    contacts.addTag(locationId, contactId, name, actor);
                } else {
                    contacts.removeTag(locationId, contactId, name, actor);
                }
                changed = true;
            }
        }
        return changed;
    }
}
