package io.headwater.contract.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token a key's holder sends ({@code Authorization: Bearer hwk_<id>_<secret>}, or as the password of
 * basic auth, as Confluent clients send it): the public id, which finds the key, and 32 random bytes,
 * which prove it. A SHA-256 of a secret that random needs no slow hash: there is nothing to guess.
 */
public record ApiKeyToken(String id, String secret) {

    private static final Pattern FORM = Pattern.compile("hwk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public String value() {
        return "hwk_" + id + "_" + secret;
    }

    /** The token's parts, if it has the form of one. */
    public static Optional<ApiKeyToken> parse(String token) {
        Matcher m = FORM.matcher(token == null ? "" : token.strip());
        return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
    }

    /** A shared service key: as random as a key's secret, never on the keys topic. */
    public static String serviceKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "hws_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A new token and the key record that accepts it. */
    public static Issued issue(List<String> roles, List<String> namespaces, String description, String createdBy, Instant expiresAt) {
        checkRoles(roles);
        ApiKeyToken token = fresh();
        ApiKey key = new ApiKey(token.id, hash(token.secret), roles, namespaces, description, createdBy, Instant.now(), expiresAt, null);
        return new Issued(token, key);
    }

    /** A new token that no record accepts yet (keys new; keys ensure makes the record later). */
    public static ApiKeyToken fresh() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        return new ApiKeyToken(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes));
    }

    /** The record that accepts an existing token (one made with {@code keys new} and kept in a Secret). */
    public static ApiKey accepting(ApiKeyToken token, List<String> roles, List<String> namespaces, String description, String createdBy,
                                   Instant expiresAt) {
        checkRoles(roles);
        return new ApiKey(token.id, hash(token.secret), roles, namespaces, description, createdBy, Instant.now(), expiresAt, null);
    }

    private static void checkRoles(List<String> roles) {
        for (String role : roles) {
            if (!Roles.ASSIGNABLE.contains(role)) {
                throw new IllegalArgumentException("'" + role + "' is not a role a key can have; the roles are " + Roles.ASSIGNABLE);
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one role of " + Roles.ASSIGNABLE);
        }
    }

    /** Whether this token's secret is the one {@code key} was made with (compared in constant time). */
    public boolean matches(ApiKey key) {
        return key.id().equals(id) && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                key.secretHash().getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyToken{id=" + id + ", secret=***}";
    }

    /** A key just made: the token, shown once, and the record to store. */
    public record Issued(ApiKeyToken token, ApiKey key) {
    }
}
