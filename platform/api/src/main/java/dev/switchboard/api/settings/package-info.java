/**
 * Per-location plugin settings: the schema a plugin declares and the values the host hands it.
 */
@Version("1.0.0")
package dev.switchboard.api.settings;

import org.osgi.annotation.versioning.Version;
