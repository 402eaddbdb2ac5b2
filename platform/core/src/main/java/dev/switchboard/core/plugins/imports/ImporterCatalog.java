package dev.switchboard.core.plugins.imports;

import dev.switchboard.api.imports.ContactImporter;
import dev.switchboard.api.imports.Importer;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.plugins.registry.ExtensionCheck;
import dev.switchboard.core.plugins.registry.ExtensionRegistry.Lease;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contact importers of the active plugins: listed per location (those of the plugins it uses),
 * found by id, leased for one run of an import, and checked when a plugin declares them.
 */
@ApplicationScoped
public class ImporterCatalog implements ExtensionCheck {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    @Inject
    Plugins plugins;

    @Inject
    PluginLocations locations;

    @Override
    public Class<?> point() {
        return ContactImporter.class;
    }

    @Override
    public List<String> check(ExtensionScanner.Declared extension) {
        Importer importer = (Importer) extension.descriptor();
        List<String> problems = new ArrayList<>();
        String where = "importer '" + importer.id() + "' (" + extension.type().getName() + ")";
        if (!ID.matcher(importer.id()).matches() || importer.id().length() > 100) {
            problems.add(where + ": the id must look like 'vendor.what' (lower case, dots), at most 100 characters");
        }
        if (importer.name().isBlank()) {
            problems.add(where + ": the name must not be empty");
        }
        for (RecordComponent component : importer.source().getRecordComponents()) {
            Field field = component.getAnnotation(Field.class);
            if (field != null && field.secret()) {
                problems.add(where + ": source component '" + component.getName() + "' is a secret; an importer reads "
                        + "credentials from its plugin's settings, where they are kept encrypted");
            }
        }
        return problems;
    }

    public Optional<ImporterSpec> find(String importerId) {
        return plugins.registry().extensions(ContactImporter.class).stream()
                .filter(extension -> extension.key().equals(importerId)).findFirst().map(ImporterSpec::of);
    }

    /** The importers of the plugins the location uses, by name. */
    public List<ImporterSpec> forLocation(LocationId locationId) {
        return plugins.registry().extensions(ContactImporter.class).stream().map(ImporterSpec::of)
                .filter(importer -> locations.isEnabled(locationId, importer.pluginId()))
                .sorted(Comparator.comparing(ImporterSpec::name).thenComparing(ImporterSpec::id)).toList();
    }

    /** The importer to call, held until the lease is closed (its plugin version stays loaded until then). */
    @SuppressWarnings("rawtypes")
    public Optional<Lease<ContactImporter>> lease(String importerId) {
        return plugins.registry().lease(ContactImporter.class, importerId);
    }

    /** Whether {@code instance} is still what the registry serves for the importer: false once its version was replaced or removed. */
    public boolean current(String importerId, Object instance) {
        return plugins.registry().extensions(ContactImporter.class).stream()
                .anyMatch(extension -> extension.key().equals(importerId) && extension.instance() == instance);
    }
}
