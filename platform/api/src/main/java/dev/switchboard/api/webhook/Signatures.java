package dev.switchboard.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures over webhook bodies, in and out: HMAC-SHA256 as GitHub, Stripe, Shopify and most
 * vendors use it. Comparisons take constant time, so a caller cannot guess a signature byte by byte.
 */
public final class Signatures {

    private static final String HMAC = "HmacSHA256";

    private Signatures() {
    }

    /** HMAC-SHA256 of {@code data} under {@code secret}, lower-case hex. */
    public static String hmacSha256Hex(String secret, byte[] data) {
        return HexFormat.of().formatHex(hmacSha256(secret, data));
    }

    /** HMAC-SHA256 of {@code data} under {@code secret}, standard Base64. */
    public static String hmacSha256Base64(String secret, byte[] data) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, data));
    }

    /**
     * Whether {@code signature} is the hex HMAC-SHA256 of {@code body}; a {@code sha256=} prefix (as
     * GitHub sends it) and upper-case hex are accepted.
     */
    public static boolean verifyHmacSha256Hex(String secret, byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        String given = signature.trim().toLowerCase(Locale.ROOT);
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        return constantTimeEquals(hmacSha256Hex(secret, body), given);
    }

    /** Whether {@code signature} is the Base64 HMAC-SHA256 of {@code data} (Shopify, Twilio's style). */
    public static boolean verifyHmacSha256Base64(String secret, byte[] data, String signature) {
        return signature != null && constantTimeEquals(hmacSha256Base64(secret, data), signature.trim());
    }

    /** Compares two texts in time that depends only on their length. */
    public static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmacSha256(String secret, byte[] data) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the signing secret is empty");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
