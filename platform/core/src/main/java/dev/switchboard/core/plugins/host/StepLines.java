package dev.switchboard.core.plugins.host;

import dev.switchboard.api.host.StepLog;
import dev.switchboard.core.problems.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A step log: lines a plugin writes during one call, kept in order (at most {@link #MAX_LINES}, each at
 * most {@link #MAX_LINE} characters, with NUL and unpaired surrogates replaced by U+FFFD so they can be
 * stored) and copied to the server log with the plugin's id.
 */
public final class StepLines implements StepLog {

    public static final int MAX_LINES = 100;
    public static final int MAX_LINE = 1000;
    private static final Logger LOG = Logger.getLogger("dev.switchboard.plugins");

    private final String pluginId;
    private final List<String> lines = new ArrayList<>();
    private int dropped;

    public StepLines(String pluginId) {
        this.pluginId = pluginId;
    }

    @Override
    public void info(String message) {
        add("INFO", Level.FINE, message);
    }

    @Override
    public void warn(String message) {
        add("WARN", Level.INFO, message);
    }

    private synchronized void add(String level, Level serverLevel, String message) {
        // cut first: the cut may split a surrogate pair, which storable() then replaces
        String text = Texts.storable(message == null ? "" : message.length() > MAX_LINE ? message.substring(0, MAX_LINE) + "…" : message);
        LOG.log(serverLevel, () -> "[" + pluginId + "] " + text);
        if (lines.size() < MAX_LINES) {
            lines.add(level + " " + text);
        } else {
            dropped++;
        }
    }

    /** The lines so far, with a last line counting those dropped. */
    public synchronized List<String> lines() {
        List<String> copy = new ArrayList<>(lines);
        if (dropped > 0) {
            copy.add("… " + dropped + " more line(s) not kept");
        }
        return copy;
    }
}
