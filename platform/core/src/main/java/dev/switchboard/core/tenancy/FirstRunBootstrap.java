package dev.switchboard.core.tenancy;

import dev.switchboard.core.auth.Role;
import dev.switchboard.core.auth.Users;
import dev.switchboard.core.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * On the first start (no agency yet) creates the agency, its first location and an admin user from
 * configuration: {@code switchboard.bootstrap.agency-name}, {@code .location-name},
 * {@code .admin-email}, {@code .admin-password}. Without a configured password a random one is
 * generated and printed once to the server log.
 */
@ApplicationScoped
public class FirstRunBootstrap {

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
        Location location = tenants.createLocation(agency.id(), locationName);
        users.create(agency.id(), email, password.toCharArray(), Role.AGENCY_ADMIN);
        LOG.info(() -> "First run: created agency '" + agencyName + "', location '" + locationName + "' ("
                + location.id() + ") and admin " + email);
        if (generated) {
            LOG.warning("No switchboard.bootstrap.admin-password configured; generated admin password: " + password
                    + "  (shown once; set SWITCHBOARD_BOOTSTRAP_ADMIN_PASSWORD to choose your own)");
        }
    }
}
