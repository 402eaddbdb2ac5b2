package dev.switchboard.core.plugins.trust;

import java.io.IOException;
import java.io.InputStream;

/**
 * How many uncompressed bytes one check may read, across every entry and nested jar: a small upload
 * can inflate to gigabytes (a zip bomb), and the size an entry declares is not to be believed, so the
 * bytes are counted as they are read.
 */
final class ReadBudget {

    private final long limit;
    private long used;

    ReadBudget(long limit) {
        this.limit = limit;
    }

    /** The whole entry, or a refusal once the budget is spent. */
    byte[] readAll(InputStream in, String name) throws IOException, RefusedArtifact {
        long left = limit - used;
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
        used += bytes.length;
        if (used > limit) {
            throw new RefusedArtifact(RefusedArtifact.Kind.TOO_LARGE, "the jar inflates to more than "
                    + limit / (1024 * 1024) + " MB (at '" + name + "'); a plugin that large is refused");
        }
        return bytes;
    }

    /** Reads the entry to its end without keeping it, counting what it inflates to. */
    void drain(InputStream in, String name) throws IOException, RefusedArtifact {
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            used += read;
            if (used > limit) {
                throw new RefusedArtifact(RefusedArtifact.Kind.TOO_LARGE, "the jar inflates to more than "
                        + limit / (1024 * 1024) + " MB (at '" + name + "'); a plugin that large is refused");
            }
        }
    }

    long used() {
        return used;
    }
}
