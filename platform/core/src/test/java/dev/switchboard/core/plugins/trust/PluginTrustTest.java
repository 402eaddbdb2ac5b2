package dev.switchboard.core.plugins.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.plugin.Clean;
import com.example.plugin.Exits;
import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.testkit.TestSigning;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PluginTrustTest {

    private static TestSigning publisher;

    private final Map<String, String> settings = new HashMap<>();
    private final PluginTrust trust = new PluginTrust();

    @BeforeAll
    static void makeKey() {
        publisher = TestSigning.generate("CN=Acme Plugins");
    }

    PluginTrustTest() {
        trust.keys = new SigningKeys() {
            @Override
            public List<X509Certificate> certificates() {
                return List.of(publisher.certificate());
            }
        };
        trust.config = new PlatformConfig() {
            @Override
            public Optional<String> optional(String key) {
                return Optional.ofNullable(settings.get(key));
            }
        };
    }

    @Test
    void aSignedPluginWithoutForbiddenCallsIsTrustedAndSaysWhy() {
        TrustVerdict verdict = trust.assess(publisher.sign(TestJars.of(Clean.class)), "acme.greeter", false);

        assertThat(verdict.signed()).isTrue();
        assertThat(verdict.signer()).isEqualTo("CN=Acme Plugins");
        assertThat(verdict.fingerprint()).isEqualTo(publisher.fingerprint());
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.codeTrusted()).isFalse();
        assertThat(verdict.verdict()).isEqualTo("signed by CN=Acme Plugins (SHA-256 " + publisher.fingerprint()
                + "); no forbidden calls in 1 class");
    }

    @Test
    void anUnsignedPluginIsRefusedUnlessTheDevelopmentSettingAllowsIt() {
        byte[] unsigned = TestJars.of(Clean.class);
        assertProblem(() -> trust.assess(unsigned, "acme.greeter", false),
                "Not a trusted plugin: acme.greeter: the artifact is unsigned");

        settings.put(PluginTrust.ALLOW_UNSIGNED, "true");
        TrustVerdict verdict = trust.assess(unsigned, "acme.greeter", false);

        assertThat(verdict.signed()).isFalse();
        assertThat(verdict.signer()).isNull();
        assertThat(verdict.verdict()).startsWith("unsigned, allowed by switchboard.plugins.allow-unsigned");
    }

    @Test
    void theDevelopmentSettingLetsNoTamperedOrStrangersPluginIn() {
        settings.put(PluginTrust.ALLOW_UNSIGNED, "true");
        byte[] tampered = TestSigning.withEntry(publisher.sign(TestJars.of(Clean.class)), TestJars.path(Clean.class),
                TestJars.classFile(Exits.class));
        TestSigning stranger = TestSigning.generate("CN=Stranger");

        assertProblem(() -> trust.assess(tampered, "acme.greeter", false), "tampered");
        assertProblem(() -> trust.assess(stranger.sign(TestJars.of(Clean.class)), "acme.greeter", false),
                stranger.fingerprint());
    }

    @Test
    void forbiddenCallsAreRefusedListingThemUnlessTheOperatorTrustsTheCode() {
        byte[] exits = publisher.sign(TestJars.of(Clean.class, Exits.class));

        assertThatThrownBy(() -> trust.assess(exits, "acme.quitter", false))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.problem().status()).isEqualTo(400);
                    assertThat(refused.problem().detail()).isEqualTo("Not a trusted plugin: acme.quitter makes 1 "
                            + "forbidden call (unless the operator trusts its code explicitly): EXIT java.lang.System.exit");
                    assertThat(refused.problem().errors()).singleElement().satisfies(error -> assertThat(error.detail())
                            .isEqualTo("EXIT java.lang.System.exit in com.example.plugin.Exits.giveUp"));
                });

        TrustVerdict trusted = trust.assess(exits, "acme.quitter", true);

        assertThat(trusted.codeTrusted()).isTrue();
        assertThat(trusted.findingCount()).isEqualTo(1);
        assertThat(trusted.findings()).containsExactly(
                new Finding(Rule.EXIT, "com.example.plugin.Exits.giveUp", "java.lang.System.exit"));
        assertThat(trusted.verdict()).endsWith("1 forbidden call, let in because the operator trusts this plugin's code");
    }

    private static void assertProblem(Runnable assess, String detail) {
        assertThatThrownBy(assess::run).isInstanceOfSatisfying(ProblemException.class, refused -> {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().detail()).contains(detail);
        });
    }
}
