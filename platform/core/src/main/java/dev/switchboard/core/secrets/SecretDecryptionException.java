package dev.switchboard.core.secrets;

/** A stored secret cannot be decrypted. */
public class SecretDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretDecryptionException(String message) {
        super(message);
    }
}
