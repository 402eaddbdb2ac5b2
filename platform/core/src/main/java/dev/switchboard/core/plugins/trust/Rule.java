package dev.switchboard.core.plugins.trust;

/** What the bytecode verifier forbids plugin code, one kind of harm each. */
public enum Rule {

    /** Stops the JVM, and with it the platform and every tenant's work. */
    EXIT("stops the JVM, and with it the platform"),
    /** Starts or controls operating-system processes, outside anything the platform can see. */
    PROCESS("starts or controls operating-system processes"),
    /**
     * Reads or writes files directly. The verifier cannot know the path, so any file access is
     * flagged; a plugin keeps its data through the host services it is given.
     */
    FILES("reads or writes files directly (a plugin's data goes through host services)"),
    /** Reaches into the host's own classes or the JDK's internals, around the SDK. */
    HOST_REFLECTION("reaches into the host's classes or the JDK's internals");

    private final String description;

    Rule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
