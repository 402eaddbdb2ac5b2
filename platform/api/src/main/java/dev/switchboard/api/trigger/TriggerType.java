package dev.switchboard.api.trigger;

import dev.switchboard.api.ExtensionPoint;
import org.osgi.annotation.versioning.ConsumerType;

/** The extension point of declared event types; see {@link Trigger}. Only read, never instantiated. */
@ConsumerType
@ExtensionPoint(descriptor = Trigger.class, instantiated = false, key = "event")
public interface TriggerType {
}
