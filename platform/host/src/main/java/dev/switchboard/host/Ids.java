package dev.switchboard.host;

import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import java.util.UUID;

/** Parses ids from paths; a malformed id is simply not found. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what + " " + Texts.quote(id));
        }
    }
}
