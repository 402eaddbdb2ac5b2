package dev.switchboard.core.nodes;

import dev.switchboard.core.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * This server's stable name among the nodes sharing a database: {@code switchboard.node-id}, or a name
 * generated once into {@code <data-dir>/node-id}. It stays the same across restarts, so a node that
 * died can release the work it held as soon as it starts again, instead of waiting for locks to expire.
 * Two running nodes must never share it.
 */
@ApplicationScoped
public class NodeIdentity {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    PlatformConfig config;

    private volatile String id;

    public String id() {
        String known = id;
        if (known == null) {
            known = config.optional("switchboard.node-id").map(NodeIdentity::checked).orElseGet(this::fromDataDirectory);
            id = known;
        }
        return known;
    }

    private String fromDataDirectory() {
        Path file = config.dataDirectory().resolve("node-id");
        try {
            if (Files.exists(file)) {
                return checked(Files.readString(file).trim());
            }
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String generated = "node-" + HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated + System.lineSeparator());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static String checked(String id) {
        if (!VALID.matcher(id).matches()) {
            throw new IllegalStateException("node id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }
}
