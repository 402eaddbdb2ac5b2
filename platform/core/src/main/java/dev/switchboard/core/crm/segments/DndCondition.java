package dev.switchboard.core.crm.segments;

import dev.switchboard.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code {"type": "dnd", "channel": "sms", "value": true}}: whether the contact asked not to be
 * disturbed, on every channel ({@code all}), on one, or on {@code any} of them.
 */
@ApplicationScoped
public class DndCondition implements ConditionType {

    static final List<String> CHANNELS = List.of("all", "any", "email", "sms", "call", "whatsapp");
    private static final List<String> MEMBERS = List.of("channel", "value");

    @Override
    public String type() {
        return "dnd";
    }

    @Override
    public String description() {
        return "Do not disturb: on all channels, on any, or on one (email, sms, call, whatsapp)";
    }

    @Override
    public JsonObject schema() {
        return ConditionSchemas.condition(type(), "Do not disturb", description(), Json.createObjectBuilder()
                .add("channel", ConditionSchemas.enumeration(CHANNELS))
                .add("value", Json.createObjectBuilder().add("type", "boolean"))
                .build(), "channel", "value");
    }

    @Override
    public SqlCondition compile(Condition condition) {
        boolean members = condition.onlyMembers("a dnd condition", MEMBERS);
        String channel = condition.oneOf("channel", CHANNELS);
        Boolean value = condition.bool("value");
        if (channel == null || value == null || !members) {
            return null;
        }
        String sql = switch (channel) {
            case "all" -> "c.dnd";
            case "any" -> "(c.dnd OR c.dnd_email OR c.dnd_sms OR c.dnd_call OR c.dnd_whatsapp)";
            case "email" -> "(c.dnd OR c.dnd_email)";
            case "sms" -> "(c.dnd OR c.dnd_sms)";
            case "call" -> "(c.dnd OR c.dnd_call)";
            case "whatsapp" -> "(c.dnd OR c.dnd_whatsapp)";
            default -> throw new IllegalStateException(channel);
        };
        SqlCondition dnd = SqlCondition.of(sql);
        return value ? dnd : dnd.not();
    }
}
