package dev.switchboard.core.plugins.registry;

import dev.switchboard.core.plugins.PluginArchive;
import java.lang.annotation.Annotation;

/**
 * One contribution of one plugin version: which extension point it serves, the key it is found by,
 * its descriptor annotation (read from the class, never by calling plugin code), and the instance the
 * host calls ({@code null} for points that only declare something).
 *
 * @param point the SDK interface marked {@code @ExtensionPoint}
 * @param key the descriptor member named by the point's {@code key}, or the class name
 */
public record Extension(String pluginId, String pluginVersion, PluginArchive.Packaging packaging, Class<?> point,
                        String key, Annotation descriptor, Class<?> type, Object instance) {

    /** The descriptor as its annotation type. */
    public <A extends Annotation> A descriptor(Class<A> annotation) {
        return annotation.cast(descriptor);
    }

    /** The point's name as the API shows it: the interface's simple name. */
    public String pointName() {
        return point.getSimpleName();
    }
}
