package dev.switchboard.bpmn.actions.builtin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How a step names a location's pipelines, stages and segments: by id, or by name with case and
 * surrounding blanks ignored, so a template can say "Sales" and work in every location that has one.
 */
final class Named {

    private Named() {
    }

    static <T> Optional<T> find(List<T> all, String wanted, Function<T, UUID> id, Function<T, String> name) {
        String text = wanted.trim();
        return all.stream().filter(item -> id.apply(item).toString().equalsIgnoreCase(text)).findFirst()
                .or(() -> all.stream().filter(item -> name.apply(item).strip().toLowerCase(Locale.ROOT)
                        .equals(text.toLowerCase(Locale.ROOT))).findFirst());
    }
}
