package dev.switchboard.core.events;

import java.util.Collection;

/**
 * Event types declared outside the platform's own list: by the active plugins. The
 * {@link EventCatalog} asks every source at each lookup, so a type comes and goes with the plugin
 * version that declares it. Implement as an {@code @ApplicationScoped} CDI bean.
 */
public interface EventTypeSource {

    /** The types declared now; none may reuse a platform type's name. */
    Collection<EventType> types();
}
