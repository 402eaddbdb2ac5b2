package dev.switchboard.core.plugins.registry;

import java.util.List;

/**
 * What the part of the platform that uses one extension point requires of its extensions beyond the
 * SDK's shape (an action id's form, a schema type's components). Implementations are CDI beans; the
 * registry runs every check whose point matches before a plugin version is activated.
 */
public interface ExtensionCheck {

    /** The SDK interface whose extensions this checks. */
    Class<?> point();

    /** What is wrong with the extension, each naming it; empty when it is fine. */
    List<String> check(ExtensionScanner.Declared extension);
}
