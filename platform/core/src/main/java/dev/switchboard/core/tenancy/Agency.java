package dev.switchboard.core.tenancy;

import java.util.UUID;

/** An agency: the top-level tenant that owns locations, users and its theme. */
public record Agency(UUID id, String name, String themeId) {
}
