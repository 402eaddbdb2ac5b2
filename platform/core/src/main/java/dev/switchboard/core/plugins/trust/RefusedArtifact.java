package dev.switchboard.core.plugins.trust;

/**
 * An artifact the trust checks refuse, with why in words an operator can act on. The kind lets the
 * caller tell a development-time allowance (unsigned) from what is never allowed (tampered).
 */
public final class RefusedArtifact extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an artifact is refused. */
    public enum Kind {
        /** No entry is signed. */
        UNSIGNED,
        /** Some entries are signed, others not, or not all by the same signer. */
        PARTLY_SIGNED,
        /** Content or signature files changed after signing. */
        TAMPERED,
        /** Signed, but by a key no trusted certificate vouches for. */
        UNKNOWN_SIGNER,
        /** Not a jar the checks can read to the end: corrupt, a class file they cannot parse. */
        UNREADABLE,
        /** Over a limit of the checks: a zip bomb, too many entries, jars nested too deep. */
        TOO_LARGE
    }

    private final Kind kind;

    public RefusedArtifact(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
