package dev.switchboard.core.crm;

import java.util.Objects;
import java.util.UUID;

/**
 * Who made a change, as history records it: a user (by id), a workflow run, a plugin, or the
 * platform itself (named: "purge", "import").
 */
public record Actor(Type type, String id) {

    public enum Type { USER, WORKFLOW, PLUGIN, SYSTEM }

    public Actor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Actor user(UUID userId) {
        return new Actor(Type.USER, userId.toString());
    }

    public static Actor workflow(String runId) {
        return new Actor(Type.WORKFLOW, runId);
    }

    public static Actor plugin(String pluginId) {
        return new Actor(Type.PLUGIN, pluginId);
    }

    public static Actor system(String what) {
        return new Actor(Type.SYSTEM, what);
    }

    /** The user's id when a user acted. */
    public UUID userId() {
        return type == Type.USER ? UUID.fromString(id) : null;
    }
}
