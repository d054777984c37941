package io.headwater.query.alerts;

import io.headwater.kafka.connection.KafkaSettings;
import io.headwater.security.AccessSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook secrets are sealed (AES-256-GCM) before they go on the subscriptions topic, so reading the topic
 * does not give anyone the means to forge a signed alert. The key: {@code headwater.webhooks.encryption-key}
 * (or {@code -file}; 32 bytes, base64), else one derived from the deployment's shared service key. With
 * neither (open mode on one machine) secrets stay readable, and a warning says so.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    static final String PREFIX = "aesgcm:v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    public WebhookSecrets(@ConfigProperty(name = "headwater.webhooks.encryption-key") Optional<String> configured,
                          @ConfigProperty(name = "headwater.webhooks.encryption-key-file") Optional<String> configuredFile,
                          AccessSettings access) {
        Optional<String> explicit = configured.filter(s -> !s.isBlank()).or(() -> configuredFile.filter(s -> !s.isBlank()).map(KafkaSettings::read));
        Optional<String> shared = access.serviceKey();
        if (explicit.isPresent()) {
            byte[] bytes = Base64.getDecoder().decode(explicit.get().strip());
            if (bytes.length != 32) {
                throw new IllegalArgumentException("headwater.webhooks.encryption-key must be 32 bytes, base64-encoded");
            }
            key = Optional.of(new SecretKeySpec(bytes, "AES"));
        } else if (shared.isPresent()) {
            key = Optional.of(new SecretKeySpec(sha256("headwater webhook secrets|" + shared.get().strip()), "AES"));
        } else {
            key = Optional.empty();
            LOG.warn("webhook secrets are stored unsealed: set headwater.webhooks.encryption-key or headwater.auth.service-key");
        }
    }

    /** For tests: sealing with this key. */
    static WebhookSecrets withKey(byte[] key) {
        return new WebhookSecrets(Optional.of(Base64.getEncoder().encodeToString(key)), Optional.empty(),
                new AccessSettings("keys", "127.0.0.1", Optional.empty(), Optional.empty()));
    }

    public String seal(String secret) {
        if (key.isEmpty() || secret == null) {
            return secret;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a webhook secret", e);
        }
    }

    /** The secret itself: unsealed, or as stored where it was stored before sealing existed. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("a webhook secret is sealed but no key is configured (headwater.webhooks.encryption-key)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a webhook secret could not be unsealed: was the key changed?", e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
