package dev.switchboard.core.plugins.actions;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.registry.ExtensionCheck;
import dev.switchboard.core.plugins.registry.ExtensionRegistry.Lease;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workflow actions of the active plugins: found by id, listed for the modeler, and checked when
 * a plugin declares them (the id's form and time limit; the scanner checks the records).
 */
@ApplicationScoped
public class ActionCatalog implements ExtensionCheck {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    /** Longest time limit an action may ask for. */
    public static final int MAX_TIMEOUT_SECONDS = 900;

    @Inject
    Plugins plugins;

    @Inject
    BuiltInActions builtIns;

    @Override
    public Class<?> point() {
        return WorkflowAction.class;
    }

    @Override
    public List<String> check(ExtensionScanner.Declared extension) {
        Action action = (Action) extension.descriptor();
        List<String> problems = new ArrayList<>();
        String where = "action '" + action.id() + "' (" + extension.type().getName() + ")";
        if (!ID.matcher(action.id()).matches() || action.id().length() > 100) {
            problems.add(where + ": the id must look like 'area.verb' (lower case, dots), at most 100 characters");
        }
        if (builtIns.has(action.id())) {
            problems.add(where + ": the id is one of the platform's own actions");
        }
        if (action.timeoutSeconds() < 0 || action.timeoutSeconds() > MAX_TIMEOUT_SECONDS) {
            problems.add(where + ": timeoutSeconds must be 0 to " + MAX_TIMEOUT_SECONDS);
        }
        return problems;
    }

    /** The platform's action of that id, or else the active plugins'. */
    public Optional<ActionSpec> find(String actionId) {
        Optional<BuiltInActions.Entry> builtIn = builtIns.find(actionId);
        if (builtIn.isPresent()) {
            return builtIn.map(BuiltInActions.Entry::spec);
        }
        return plugins.registry().extensions(WorkflowAction.class).stream()
                .filter(extension -> extension.key().equals(actionId)).findFirst().map(ActionSpec::of);
    }

    /** The platform's actions, then the active plugins', each by id. */
    public List<ActionSpec> all() {
        return Stream.concat(builtIns.specs().stream(), plugins.registry().extensions(WorkflowAction.class).stream()
                .map(ActionSpec::of).sorted(Comparator.comparing(ActionSpec::id))).toList();
    }

    /** The action to call, held until the lease is closed (its plugin version stays loaded until then). */
    @SuppressWarnings("rawtypes")
    public Optional<Lease<WorkflowAction>> lease(String actionId) {
        return plugins.registry().lease(WorkflowAction.class, actionId);
    }
}
