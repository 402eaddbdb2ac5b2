package dev.switchboard.host.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the process that started the server (the launcher) that the platform finished booting, or why
 * it could not: two lines, {@code READY} or {@code FAILED} and a detail, in the file named by
 * {@code switchboard.platform-state-file}. Without that setting nothing is written.
 */
final class ReadinessReport {

    private static final Logger LOG = Logger.getLogger(ReadinessReport.class.getName());
    private static final int MAX_DETAIL = 1000;

    private ReadinessReport() {
    }

    static void ready(String file) {
        write(file, "READY", "");
    }

    static void failed(String file, Throwable failure) {
        write(file, "FAILED", describe(failure));
    }

    /** The innermost two causes: what went wrong, and what it meant one level up. */
    static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        Throwable root = chain.get(chain.size() - 1);
        String detail = chain.size() == 1 ? text(root) : text(chain.get(chain.size() - 2)) + " (caused by " + text(root) + ")";
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }

    private static String text(Throwable thrown) {
        return thrown.getClass().getSimpleName() + ": " + String.valueOf(thrown.getMessage()).replace('\n', ' ');
    }

    private static void write(String file, String status, String detail) {
        if (file == null || file.isBlank()) {
            return;
        }
        Path target = Path.of(file);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temporary, status + "\n" + detail + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot report the platform's state to " + target, e);
        }
    }
}
