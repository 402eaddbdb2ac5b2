package dev.switchboard.testkit;

import dev.switchboard.api.host.Contact;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A contact for plugin tests: {@code new TestContact("c-1", "Ada", "Lovelace", "ada@example.com")}. */
public record TestContact(String id, String firstName, String lastName, String email, String phone, Set<String> tags,
                          Map<String, String> customFields) implements Contact {

    public TestContact {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    public TestContact(String id, String firstName, String lastName, String email) {
        this(id, firstName, lastName, email, null, Set.of(), Map.of());
    }

    @Override
    public String name() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }

    @Override
    public String companyName() {
        return null;
    }

    @Override
    public String timezone() {
        return null;
    }

    @Override
    public boolean doNotDisturb() {
        return false;
    }

    @Override
    public Optional<String> field(String name) {
        return switch (name) {
            case "id" -> Optional.of(id);
            case "firstName" -> Optional.ofNullable(firstName);
            case "lastName" -> Optional.ofNullable(lastName);
            case "email" -> Optional.ofNullable(email);
            case "phone" -> Optional.ofNullable(phone);
            default -> Optional.empty();
        };
    }
}
