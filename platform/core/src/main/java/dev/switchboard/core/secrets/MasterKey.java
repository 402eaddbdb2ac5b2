package dev.switchboard.core.secrets;

import dev.switchboard.core.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Provides the {@link SecretCipher} under the master key from {@code switchboard.master-key}, or,
 * when that is unset (single-node development), from {@code <data-dir>/master.key}, created on first
 * use with owner-only permissions.
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());

    @Inject
    PlatformConfig config;

    @Produces
    @Singleton
    SecretCipher cipher() {
        return new SecretCipher(config.masterKey().map(MasterKey::decode).orElseGet(this::fromDataDirectory));
    }

    private byte[] fromDataDirectory() {
        Path file = config.dataDirectory().resolve("master.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).trim());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.warning("Cannot restrict permissions of " + file + " on this file system");
            }
            LOG.warning("No switchboard.master-key configured: generated " + file
                    + ". Back it up; secrets cannot be read without it. Set SWITCHBOARD_MASTER_KEY on multi-node setups.");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create master key " + file, e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("switchboard.master-key is not valid base64", e);
        }
    }
}
