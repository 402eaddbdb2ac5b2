package dev.switchboard.core.crm.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.problems.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactSearchTest {

    @Test
    void onlyLettersAndDigitsOfTheSearchTextReachTheQuery() {
        assertThat(ContactSearch.tsQuery(ContactSearch.words("Ada  LOVE"))).isEqualTo("ada:* & love:*");
        assertThat(ContactSearch.tsQuery(ContactSearch.words("a' | !b & (c:*) <-> d"))).isEqualTo("a:* & b:* & c:* & d:*");
        assertThat(ContactSearch.words("ada@example.com")).containsExactly("ada", "example", "com");
        assertThat(ContactSearch.words("Zoë Ångström")).containsExactly("zoë", "ångström");
        assertThat(ContactSearch.words("'|&!():*")).isEmpty();
        assertThat(ContactSearch.words("   ")).isEmpty();
        assertThat(ContactSearch.words(null)).isEmpty();
        assertThat(ContactSearch.words(String.join(" ", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"))))
                .hasSize(10);
    }

    @Test
    void aPhoneLikeTextIsItsDigits() {
        assertThat(ContactSearch.words("(415) 555-0199")).containsExactly("4155550199");
        assertThat(ContactSearch.words("+44 20 7946 0958")).containsExactly("442079460958");
        assertThat(ContactSearch.words("12")).containsExactly("12");
    }

    @Test
    void tooLongOrUnstorableSearchTextIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ContactSearch.words("x".repeat(201))).isInstanceOf(ProblemException.class)
                .hasMessageContaining("200");
        assertThatThrownBy(() -> ContactSearch.words("a\u0000b")).isInstanceOf(ProblemException.class);
    }
}
