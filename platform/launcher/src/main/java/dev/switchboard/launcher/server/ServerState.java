package dev.switchboard.launcher.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What the server process reports to the launcher about its start: the application deployed and
 * the platform booted ({@link #READY}), or the deployment failed and why ({@link #FAILED}). Kept in
 * a file the launcher names, replaced atomically so a reader never sees half a state.
 *
 * @param status READY or FAILED
 * @param detail why, for FAILED; empty otherwise
 */
public record ServerState(String status, String detail) {

    public static final String READY = "READY";
    public static final String FAILED = "FAILED";

    public static ServerState ready() {
        return new ServerState(READY, "");
    }

    public static ServerState failed(String detail) {
        return new ServerState(FAILED, detail == null ? "" : detail.replace('\n', ' '));
    }

    public boolean isReady() {
        return READY.equals(status);
    }

    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, status + "\n" + detail + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server state to " + file, e);
        }
    }

    /** The state in {@code file}, or empty while the server has not reported one. */
    public static Optional<ServerState> readFrom(Path file) {
        try {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
            return Optional.of(new ServerState(lines[0].trim(), lines.length > 1 ? lines[1].trim() : ""));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server state from " + file, e);
        }
    }
}
