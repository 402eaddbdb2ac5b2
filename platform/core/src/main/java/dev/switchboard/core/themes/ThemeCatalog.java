package dev.switchboard.core.themes;

import dev.switchboard.core.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * White-label themes: each {@code theme.json} names an optional parent and design tokens; a child
 * overrides only what it sets. Tokens become CSS custom properties ({@code color.primaryContrast →
 * --sb-color-primary-contrast}) read by both the console and the diagram renderer.
 */
public final class ThemeCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    /** Token values end up in CSS: refuse anything that could close a rule or open a URL. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[#%(),.'\"\\w\\s-]{1,200}");

    private final Map<String, Theme> themes;

    private ThemeCatalog(Map<String, Theme> themes) {
        this.themes = themes;
    }

    /**
     * Loads the given theme ids.
     *
     * @param reader opens {@code <id>/theme.json}, or returns null if there is none
     */
    public static ThemeCatalog load(Set<String> ids, Function<String, InputStream> reader) {
        Map<String, JsonObject> raw = new TreeMap<>();
        for (String id : ids) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("theme id '" + id + "' must be lower-case letters, digits and -");
            }
            try (InputStream in = reader.apply(id + "/theme.json")) {
                if (in != null) {
                    raw.put(id, Json.createReader(in).readObject());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read theme " + id, e);
            }
        }
        Map<String, Theme> resolved = new LinkedHashMap<>();
        for (String id : raw.keySet()) {
            resolved.put(id, resolve(id, raw, new LinkedHashSet<>()));
        }
        return new ThemeCatalog(resolved);
    }

    public List<Theme> all() {
        return List.copyOf(themes.values());
    }

    public Optional<Theme> find(String id) {
        return Optional.ofNullable(themes.get(id));
    }

    /** The stylesheet that defines the theme's CSS variables on {@code :root}. */
    public static String css(Theme theme) {
        StringBuilder css = new StringBuilder(":root {\n");
        theme.tokens().forEach((name, value) ->
                css.append("  ").append(variable(name)).append(": ").append(value).append(";\n"));
        if (theme.logo() != null) {
            css.append("  --sb-logo-url: url(\"/themes/").append(theme.id()).append("/logo.svg\");\n");
        }
        return css.append("}\n").toString();
    }

    /** {@code color.primaryContrast} → {@code --sb-color-primary-contrast}. */
    static String variable(String token) {
        return "--sb-" + token.replace('.', '-').replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Theme resolve(String id, Map<String, JsonObject> raw, Set<String> visiting) {
        if (!visiting.add(id)) {
            throw new IllegalArgumentException("themes inherit in a cycle: " + String.join(" → ", visiting) + " → " + id);
        }
        JsonObject json = raw.get(id);
        if (json == null) {
            throw new IllegalArgumentException("theme '" + id + "' is named as a parent but does not exist");
        }
        String parentId = json.containsKey("parent") && !json.isNull("parent") ? json.getString("parent") : null;
        Map<String, String> tokens = new TreeMap<>();
        String logo = null;
        String logoThemeId = null;
        if (parentId != null) {
            Theme parent = resolve(parentId, raw, visiting);
            tokens.putAll(parent.tokens());
            logo = parent.logo();
            logoThemeId = parent.logoThemeId();
        }
        if (json.containsKey("tokens")) {
            flatten("", json.getJsonObject("tokens"), tokens, id);
        }
        if (json.containsKey("logo") && !json.isNull("logo")) {
            logo = json.getString("logo");
            logoThemeId = id;
        }
        visiting.remove(id);
        return new Theme(id, json.getString("name", id), parentId, Map.copyOf(tokens), logo, logoThemeId);
    }

    private static void flatten(String prefix, JsonObject object, Map<String, String> into, String themeId) {
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String name = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            JsonValue value = entry.getValue();
            if (value instanceof JsonObject nested) {
                flatten(name, nested, into, themeId);
            } else if (value instanceof JsonString string && SAFE_VALUE.matcher(string.getString()).matches()) {
                into.put(name, string.getString());
            } else {
                throw new IllegalArgumentException("theme '" + themeId + "': token " + name + " has an unsafe or non-text value");
            }
        }
    }
}
