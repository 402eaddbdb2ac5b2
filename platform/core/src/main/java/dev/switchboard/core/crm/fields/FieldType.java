package dev.switchboard.core.crm.fields;

import java.util.Arrays;
import java.util.Optional;

/** The type of a custom field; {@link #apiName()} is how the API writes it. */
public enum FieldType {
    TEXT("text"), LARGE_TEXT("largeText"), NUMBER("number"), MONEY("money"), DATE("date"), CHECKBOX("checkbox"),
    SINGLE_OPTION("singleOption"), MULTIPLE_OPTIONS("multipleOptions"), PHONE("phone"), EMAIL("email"), URL("url");

    private final String apiName;

    FieldType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public boolean hasOptions() {
        return this == SINGLE_OPTION || this == MULTIPLE_OPTIONS;
    }

    public static Optional<FieldType> fromApi(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }

    public static String apiNames() {
        return String.join(", ", Arrays.stream(values()).map(FieldType::apiName).toList());
    }
}
