package dev.switchboard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the host should pick up as one of the plugin's contributions. The SDK's annotation
 * processor lists every such class in {@code META-INF/switchboard/extensions.idx} at compile time; the
 * host reads that index, never scans the artifact. The class implements one {@link ExtensionPoint}
 * interface and carries that point's descriptor annotation ({@code @Action}, {@code @Webhook}, …).
 *
 * <p>Classes of an extension point that the host instantiates need a public no-argument constructor
 * and must be thread-safe: one instance serves every call, on many threads at once.
 *
 * <p>In the PF4J packaging, PF4J's own {@code org.pf4j.Extension} takes this annotation's place.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Extension {
}
