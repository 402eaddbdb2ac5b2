package dev.switchboard.core.crm.fields;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a custom field belongs to. */
public enum FieldModel {
    CONTACT, OPPORTUNITY, COMPANY;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldModel> fromApi(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName().equals(name)).findFirst();
    }
}
