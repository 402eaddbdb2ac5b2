/**
 * The plugin SDK's foundation: how a plugin declares what it contributes.
 *
 * <p>A plugin is a set of classes, each marked as an {@link dev.switchboard.api.Extension} and implementing
 * one of the SDK's {@link dev.switchboard.api.ExtensionPoint extension points}: a workflow action, a
 * webhook handler, a trigger type, its settings. The build writes an index of those classes into the
 * artifact; the host reads the index and the classes' annotations to list and route the plugin's
 * contributions without running any plugin code, and creates the instances itself. A plugin author
 * writes no OSGi or PF4J code for this: the same classes work in both packagings.
 *
 * <pre>{@code
 * @Extension
 * @Action(id = "greeting.say", name = "Say hello", input = Greeting.class, output = Said.class)
 * public final class SayHello implements WorkflowAction<Greeting, Said> {
 *     public Said execute(Greeting input, ActionContext context) {
 *         return new Said("Hello " + input.name());
 *     }
 * }
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api;

import org.osgi.annotation.versioning.Version;
