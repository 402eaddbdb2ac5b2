package dev.switchboard.core.crm.pipelines;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an opportunity stands, whatever its stage: stored upper case, lower case in the API and events. */
public enum OpportunityStatus {
    OPEN, WON, LOST, ABANDONED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OpportunityStatus> fromApi(String name) {
        return Arrays.stream(values()).filter(status -> status.apiName().equals(name)).findFirst();
    }
}
