package dev.switchboard.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(key((byte) 1));

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        String sealed = cipher.encrypt("smtp-s3cret", "loc/plugin/password");

        assertThat(sealed).startsWith("v1:").doesNotContain("smtp-s3cret");
        assertThat(cipher.decrypt(sealed, "loc/plugin/password")).isEqualTo("smtp-s3cret");
        assertThat(cipher.encrypt("smtp-s3cret", "loc/plugin/password")).isNotEqualTo(sealed);
    }

    @Test
    void aSecretMovedToAnotherTenantsRowDoesNotDecrypt() {
        String sealed = cipher.encrypt("smtp-s3cret", "location-a/plugin/password");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "location-b/plugin/password"))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void tamperedValuesAndOtherKeysAreRejected() {
        String sealed = cipher.encrypt("value", "slot");
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.decrypt(new String(chars), "slot")).isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> new SecretCipher(key((byte) 2)).decrypt(sealed, "slot"))
                .isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain", "slot")).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void refusesKeysThatAreNot256Bits() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("256 bits");
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
