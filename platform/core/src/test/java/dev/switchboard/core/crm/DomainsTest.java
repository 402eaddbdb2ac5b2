package dev.switchboard.core.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.problems.Violations;
import org.junit.jupiter.api.Test;

class DomainsTest {

    @Test
    void aDomainIsItsHostNameInLowerCase() {
        assertThat(normalized(" Engines.EXAMPLE ")).isEqualTo("engines.example");
        assertThat(normalized("engines.example.")).isEqualTo("engines.example");
        assertThat(normalized("https://www.Engines.example/about?x=1")).isEqualTo("www.engines.example");
        assertThat(normalized("bücher.example")).isEqualTo("xn--bcher-kva.example");
        assertThat(normalized("   ")).isNull();
    }

    @Test
    void whatIsNotAHostNameIsRefusedAtItsPointer() {
        for (String bad : new String[] {"localhost", "engines example", "-engines.example", "engines.example/about",
                "ftp://engines.example", "a@b.example", "x".repeat(64) + ".example", "a..b"}) {
            Violations violations = new Violations();
            assertThat(Domains.normalize(bad, "/domain", violations)).as(bad).isNull();
            assertThat(violations.errors()).as(bad).singleElement()
                    .satisfies(error -> assertThat(error.pointer()).isEqualTo("/domain"));
        }
    }

    private static String normalized(String raw) {
        Violations violations = new Violations();
        String domain = Domains.normalize(raw, "/domain", violations);
        assertThat(violations.isEmpty()).as(violations.errors().toString()).isTrue();
        return domain;
    }
}
