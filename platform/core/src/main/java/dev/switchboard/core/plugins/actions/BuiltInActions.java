package dev.switchboard.core.plugins.actions;

import dev.switchboard.api.action.Action;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;

/** The platform's own workflow actions: every {@link BuiltInAction} bean, by the id its {@link Action} gives. */
@ApplicationScoped
public class BuiltInActions {

    private static final Logger LOG = Logger.getLogger(BuiltInActions.class.getName());

    /** A built-in action with its declaration. */
    public record Entry(ActionSpec spec, BuiltInAction<Record, Record> action) {
    }

    @Inject
    @Any
    Instance<BuiltInAction<?, ?>> beans;

    private final Map<String, Entry> byId = new TreeMap<>();

    @PostConstruct
    @SuppressWarnings("unchecked")
    void collect() {
        String version = platformVersion();
        for (Instance.Handle<BuiltInAction<?, ?>> handle : beans.handles()) {
            Class<?> type = handle.getBean().getBeanClass();
            Action declared = type.getAnnotation(Action.class);
            if (declared == null) {
                throw new IllegalStateException(type.getName() + " is a built-in action without @Action");
            }
            Entry entry = new Entry(ActionSpec.builtIn(declared, version), (BuiltInAction<Record, Record>) handle.get());
            if (byId.putIfAbsent(declared.id(), entry) != null) {
                throw new IllegalStateException("two built-in actions have the id " + declared.id());
            }
        }
        LOG.fine(() -> "Built-in workflow actions: " + byId.keySet());
    }

    public Optional<Entry> find(String actionId) {
        return Optional.ofNullable(byId.get(actionId));
    }

    public boolean has(String actionId) {
        return byId.containsKey(actionId);
    }

    public List<ActionSpec> specs() {
        return byId.values().stream().map(Entry::spec).sorted(Comparator.comparing(ActionSpec::id)).toList();
    }

    /** The platform's version as its build recorded it, or "dev" when it runs from classes. */
    private static String platformVersion() {
        try (InputStream in = BuiltInActions.class.getResourceAsStream(
                "/META-INF/maven/dev.switchboard/switchboard-core/pom.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
