package dev.switchboard.core.plugins.imports;

import dev.switchboard.api.imports.Importer;
import dev.switchboard.core.plugins.registry.Extension;
import dev.switchboard.core.plugins.schema.RecordSchemas;
import jakarta.json.JsonObject;

/** An importer as the platform knows it from its declaration: what the console lists and what an import is checked against. */
public record ImporterSpec(String id, String name, String description, String pluginId, String pluginVersion,
                           Class<? extends Record> source) {

    public static ImporterSpec of(Extension extension) {
        Importer importer = extension.descriptor(Importer.class);
        return new ImporterSpec(importer.id(), importer.name(), importer.description(), extension.pluginId(),
                extension.pluginVersion(), importer.source());
    }

    /** The JSON Schema of the user's choices for one import, derived from the source record as action inputs are. */
    public JsonObject sourceSchema() {
        return RecordSchemas.of(source);
    }
}
