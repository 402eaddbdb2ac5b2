package dev.switchboard.core.tenancy;

import dev.switchboard.core.auth.AgencyRole;
import dev.switchboard.core.auth.Users;
import dev.switchboard.core.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Logger;

/**
 * On the first start (no agency yet) creates the agency, its first location and an admin user from
 * configuration: {@code switchboard.bootstrap.agency-name}, {@code .location-name},
 * {@code .admin-email}, {@code .admin-password}. Without a configured password a random one is
 * generated and left in {@code <data-dir>/initial-admin-password}, readable by the owner only.
 */
@ApplicationScoped
public class FirstRunBootstrap {

    /** Where a generated admin password is left for the operator. */
    public static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

    private static final Logger LOG = Logger.getLogger(FirstRunBootstrap.class.getName());

    @Inject
    PlatformConfig config;

    @Inject
    TenantDirectory tenants;

    @Inject
    Users users;

    @Transactional
    public void bootstrapIfEmpty() {
        if (tenants.anyAgency()) {
            return;
        }
        String agencyName = config.optional("switchboard.bootstrap.agency-name").orElse("My Agency");
        String locationName = config.optional("switchboard.bootstrap.location-name").orElse("Main location");
        String email = config.optional("switchboard.bootstrap.admin-email").orElse("admin@localhost");
        String password = config.optional("switchboard.bootstrap.admin-password").orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] raw = new byte[12];
            new SecureRandom().nextBytes(raw);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        }
        Agency agency = tenants.createAgency(agencyName);
        Location location = tenants.createLocation(AgencyId.of(agency.id()), locationName);
        // the first admin of a one-agency installation both operates the platform and owns the agency
        users.create(null, AgencyId.of(agency.id()), new Users.NewUser(email, password, AgencyRole.OWNER, Map.of()), true);
        LOG.info(() -> "First run: created agency '" + agencyName + "', location '" + locationName + "' ("
                + location.id() + ") and admin " + email);
        if (generated) {
            Path file = writeInitialPassword(password);
            LOG.warning("No switchboard.bootstrap.admin-password configured: generated a password for " + email
                    + ", written to " + file + " (delete it after your first login)");
        }
    }

    private Path writeInitialPassword(String password) {
        Path file = config.dataDirectory().resolve(INITIAL_PASSWORD_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.warning("Cannot restrict permissions of " + file + " on this file system");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
