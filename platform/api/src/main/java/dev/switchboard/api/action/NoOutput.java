package dev.switchboard.api.action;

/** The output of an action that gives none. */
public record NoOutput() {

    /** The one value. */
    public static final NoOutput NONE = new NoOutput();
}
