package dev.switchboard.core.themes;

import java.util.Map;

/**
 * A theme with its inheritance resolved.
 *
 * @param tokens flattened design tokens, e.g. {@code color.primary → #2563eb}
 * @param logoThemeId the theme (this one or an ancestor) whose folder holds the logo
 */
public record Theme(String id, String name, String parent, Map<String, String> tokens, String logo, String logoThemeId) {
}
