package io.headwater.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An identity provider for tests: an RSA key pair, its public key as a PEM file the services are pointed at,
 * and RS256-signed JWTs with the claims a test asks for (made here by hand, as any IdP makes them).
 */
public final class TestJwts {

    public static final String ISSUER = "https://idp.headwater.test";
    private final KeyPair keys;
    private final Path publicKey;

    private TestJwts(KeyPair keys, Path publicKey) {
        this.keys = keys;
        this.publicKey = publicKey;
    }

    public static TestJwts create(Path dir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Files.createDirectories(dir);
            Path pem = dir.resolve("jwt-public.pem");
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            return new TestJwts(keys, pem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publicKey() {
        return publicKey;
    }

    /** A token for {@code user} with these groups, valid until {@code expires}, from {@code issuer}. */
    public String token(String user, List<String> groups, Instant expires, String issuer) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user + "\",\"iat\":" + (now - 60)
                + ",\"exp\":" + expires.getEpochSecond() + ",\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(","))
                + "]}";
        String signingInput = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token(String user, List<String> groups) {
        return token(user, groups, Instant.now().plusSeconds(600), ISSUER);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
