/**
 * How a plugin describes the data it takes and gives: plain Java records whose components carry
 * {@link dev.switchboard.api.schema.Field}. The host derives a JSON Schema from each such type (for
 * validation, the API documentation and the forms of the console and the modeler) and converts values
 * to and from it, so a plugin never parses its own inputs.
 *
 * <pre>{@code
 * public record Greeting(
 *         @Field(title = "Name", required = true) String name,
 *         @Field(title = "Times", description = "How often to say it", minimum = 1, maximum = 10) int times) {
 * }
 * }</pre>
 *
 * <p>Supported component types: {@code String}, {@code boolean}, {@code int}, {@code long},
 * {@code double} (and their boxes), {@code java.math.BigDecimal}, enums, and {@code List<String>}.
 */
@Version("1.0.0")
package dev.switchboard.api.schema;

import org.osgi.annotation.versioning.Version;
