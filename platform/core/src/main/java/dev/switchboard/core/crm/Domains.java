package dev.switchboard.core.crm;

import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Domains as the CRM stores them: a host name in lower case ({@code engines.example}). A web address
 * ({@code https://Engines.example/about}) gives its host; an internationalised name is kept in its
 * ASCII form ({@code bücher.example} → {@code xn--bcher-kva.example}).
 */
public final class Domains {

    /** Longest host name (RFC 1035). */
    public static final int MAX = 253;
    /** Longest input read, a web address included. */
    public static final int MAX_INPUT = 2_000;
    private static final Pattern HOST =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    private Domains() {
    }

    /** @return the host name, or null (with a violation) when it is not one; null for blank input */
    public static String normalize(String raw, String pointer, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > MAX_INPUT) {
            violations.at(pointer, "longer than " + MAX_INPUT + " characters (" + text.length() + ")");
            return null;
        }
        String host = text;
        if (text.contains("://")) {
            try {
                URI uri = new URI(text);
                host = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()) ? uri.getHost() : null;
            } catch (URISyntaxException e) {
                host = null;
            }
        }
        if (host != null) {
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                host = null;
            }
        }
        if (host == null || host.length() > MAX || !HOST.matcher(host).matches()) {
            violations.at(pointer, Texts.quote(raw) + " is not a domain such as example.com");
            return null;
        }
        return host;
    }
}
