package dev.switchboard.core.plugins.trust;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Decides whether a plugin artifact may be installed: it must be signed by a key the operator trusts
 * ({@link ArtifactSignatures}; unsigned ones only with the development setting
 * {@value #ALLOW_UNSIGNED}), and its code must make none of the calls the platform forbids
 * ({@link BytecodeVerifier}) unless the operator trusts that plugin's code explicitly. Plugin code
 * runs in the platform's JVM, where no sandbox holds it: these checks and the operator's decision are
 * what stands between an upload and the platform (docs/security.md, "Plugin trust").
 */
@ApplicationScoped
public class PluginTrust {

    /** The development setting that lets unsigned artifacts in; off unless set to {@code true}. */
    public static final String ALLOW_UNSIGNED = "switchboard.plugins.allow-unsigned";
    /** Forbidden calls named in a refusal's detail; errors[] lists more. */
    static final int CALLS_IN_DETAIL = 20;

    private static final Logger LOG = Logger.getLogger(PluginTrust.class.getName());
    private static final String REFUSED = "Not a trusted plugin: ";

    @Inject
    SigningKeys keys;

    @Inject
    PlatformConfig config;

    private final BytecodeVerifier verifier = new BytecodeVerifier();

    /**
     * Checks an artifact before it is installed.
     *
     * @param artifact the uploaded jar, already read as a plugin archive
     * @param pluginId the plugin's id, for the messages
     * @param codeTrustedByOperator whether the operator explicitly trusts this plugin's code, which
     *                              lets it in despite forbidden calls (they are still listed)
     * @return the verdict, to show with the plugin
     * @throws ProblemException 400 naming the reason: unsigned, tampered, partly signed, signed by an
     *         unknown key (with its fingerprint), over the verifier's limits, or forbidden calls
     */
    public TrustVerdict assess(byte[] artifact, String pluginId, boolean codeTrustedByOperator) {
        ArtifactSignatures.Signer signer = signer(artifact, pluginId);
        BytecodeVerifier.Scan scan;
        try {
            scan = verifier.scan(artifact);
        } catch (RefusedArtifact e) {
            throw ProblemException.badRequest(REFUSED + pluginId + " cannot be verified: " + e.getMessage());
        }
        if (!scan.clean() && !codeTrustedByOperator) {
            throw forbiddenCalls(pluginId, scan);
        }
        String signature = signer == null ? "unsigned, allowed by " + ALLOW_UNSIGNED
                : "signed by " + signer.subject() + " (SHA-256 " + signer.fingerprint() + ")";
        String code = scan.clean() ? "no forbidden calls in " + count(scan.classes(), "class", "classes")
                : count(scan.total(), "forbidden call", "forbidden calls")
                        + ", let in because the operator trusts this plugin's code";
        if (signer == null || !scan.clean()) {
            LOG.warning(() -> "Plugin " + pluginId + ": " + signature + "; " + code);
        }
        return new TrustVerdict(signer != null, signer == null ? null : signer.subject(),
                signer == null ? null : signer.fingerprint(), scan.findings(), scan.total(), codeTrustedByOperator,
                signature + "; " + code);
    }

    /** The trusted signer, or null for an unsigned artifact the development setting lets in. */
    private ArtifactSignatures.Signer signer(byte[] artifact, String pluginId) {
        try {
            return ArtifactSignatures.verify(artifact, keys.certificates());
        } catch (RefusedArtifact e) {
            if (e.kind() == RefusedArtifact.Kind.UNSIGNED && allowUnsigned()) {
                return null;
            }
            throw ProblemException.badRequest(REFUSED + pluginId + ": " + e.getMessage()
                    + (e.kind() == RefusedArtifact.Kind.UNKNOWN_SIGNER
                            ? " (the operator trusts a key by adding its certificate: POST /api/v1/platform/signing-keys)"
                            : ""));
        }
    }

    private boolean allowUnsigned() {
        return config.optional(ALLOW_UNSIGNED).map(Boolean::parseBoolean).orElse(false);
    }

    /** A 400 naming the distinct calls in its detail and each finding (as far as a problem lists) in errors[]. */
    private static ProblemException forbiddenCalls(String pluginId, BytecodeVerifier.Scan scan) {
        Set<String> calls = new LinkedHashSet<>();
        scan.findings().forEach(finding -> calls.add(finding.rule() + " " + finding.call()));
        List<String> named = calls.stream().limit(CALLS_IN_DETAIL).toList();
        String detail = REFUSED + pluginId + " makes " + count(scan.total(), "forbidden call", "forbidden calls")
                + " (unless the operator trusts its code explicitly): " + String.join(", ", named)
                + (calls.size() > named.size() || scan.total() > scan.findings().size() ? ", …" : "");
        List<FieldError> errors = scan.findings().stream().map(finding -> FieldError.general(finding.describe())).toList();
        return new ProblemException(Problem.of(ProblemType.VALIDATION, detail, errors));
    }

    private static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
