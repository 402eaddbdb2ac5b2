package dev.switchboard.core.plugins.registry;

import java.util.List;

/** A plugin version cannot be loaded or activated; the problems say why, for the operator. */
public class PluginLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PluginLoadException(String problem) {
        this(List.of(problem));
    }

    public PluginLoadException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public PluginLoadException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
