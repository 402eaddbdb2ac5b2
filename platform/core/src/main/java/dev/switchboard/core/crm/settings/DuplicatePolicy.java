package dev.switchboard.core.crm.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a new contact is matched against the location's contacts: on create (an upsert) and on import.
 * {@code EMAIL_OR_PHONE} matches on the email first, then on the phone.
 */
public enum DuplicatePolicy {
    NONE("none"), EMAIL("email"), PHONE("phone"), EMAIL_OR_PHONE("emailOrPhone");

    private final String apiName;

    DuplicatePolicy(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public boolean byEmail() {
        return this == EMAIL || this == EMAIL_OR_PHONE;
    }

    public boolean byPhone() {
        return this == PHONE || this == EMAIL_OR_PHONE;
    }

    public static Optional<DuplicatePolicy> fromApi(String name) {
        return Arrays.stream(values()).filter(p -> p.apiName.equals(name)).findFirst();
    }
}
