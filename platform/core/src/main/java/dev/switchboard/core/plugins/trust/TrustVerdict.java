package dev.switchboard.core.plugins.trust;

import java.util.List;

/**
 * What the trust checks concluded about an artifact that was let in, as the operator sees it.
 *
 * @param signed whether a trusted key signed it (false: unsigned, let in by the development setting)
 * @param signer the signer certificate's subject, or null when unsigned
 * @param fingerprint SHA-256 of the signer's certificate (as keytool prints it), or null when unsigned
 * @param findings the forbidden uses the bytecode verifier found, the first
 *                 {@value BytecodeVerifier#MAX_FINDINGS}
 * @param findingCount how many there are in all
 * @param codeTrusted whether the operator trusts this plugin's code explicitly, which is what lets a
 *                    plugin with findings in
 * @param verdict the conclusion in one sentence
 */
public record TrustVerdict(boolean signed, String signer, String fingerprint, List<Finding> findings,
                           int findingCount, boolean codeTrusted, String verdict) {

    public TrustVerdict {
        findings = List.copyOf(findings);
    }
}
