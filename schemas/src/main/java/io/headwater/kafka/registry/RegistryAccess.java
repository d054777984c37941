package io.headwater.kafka.registry;

import io.headwater.kafka.connection.KafkaSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a service authenticates to the schema registry and which CAs it trusts, from
 * {@code headwater.schema-registry.*}:
 * <ul>
 *   <li>{@code basic-auth}: {@code user:password}, as Confluent's {@code basic.auth.user.info} (Confluent Cloud: API key and secret);</li>
 *   <li>{@code bearer-token}: an OAuth token sent as {@code Authorization: Bearer};</li>
 *   <li>{@code truststore} (PKCS12 or JKS) and {@code truststore-password}: the CAs a TLS registry's certificate is checked against
 *       (the JVM's own CAs otherwise).</li>
 * </ul>
 * Each secret may instead be a file: {@code basic-auth-file}, {@code bearer-token-file}, {@code truststore-password-file}.
 * {@link #toString()} never shows a secret.
 */
public record RegistryAccess(String authorization, Path truststore, char[] truststorePassword) {

    public static final String PREFIX = "headwater.schema-registry.";
    public static final RegistryAccess NONE = new RegistryAccess(null, null, null);

    /** @param lookup a configuration value by its full name */
    public static RegistryAccess from(Function<String, Optional<String>> lookup) {
        String basic = secret(lookup, "basic-auth").orElse(null);
        String bearer = secret(lookup, "bearer-token").orElse(null);
        if (basic != null && bearer != null) {
            throw new IllegalArgumentException(PREFIX + "basic-auth and " + PREFIX + "bearer-token are both set; set one");
        }
        if (basic != null && !basic.contains(":")) {
            throw new IllegalArgumentException(PREFIX + "basic-auth must be user:password");
        }
        String authorization = basic != null ? "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8))
                : bearer != null ? "Bearer " + bearer : null;
        Path truststore = lookup.apply(PREFIX + "truststore").filter(s -> !s.isBlank()).map(Path::of).orElse(null);
        char[] password = secret(lookup, "truststore-password").map(String::toCharArray).orElse(null);
        return new RegistryAccess(authorization, truststore, password);
    }

    public static RegistryAccess from(org.eclipse.microprofile.config.Config config) {
        return from(name -> config.getOptionalValue(name, String.class));
    }

    /** The value of {@code <prefix><name>}, else the content of the file {@code <prefix><name>-file}. */
    private static Optional<String> secret(Function<String, Optional<String>> lookup, String name) {
        Optional<String> direct = lookup.apply(PREFIX + name).filter(s -> !s.isBlank());
        return direct.isPresent() ? direct : lookup.apply(PREFIX + name + "-file").filter(s -> !s.isBlank()).map(KafkaSettings::read);
    }

    /** The HTTP client this access needs: its trust store when one is set. */
    HttpClient.Builder configure(HttpClient.Builder builder) {
        if (truststore == null) {
            return builder;
        }
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance(truststore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, truststorePassword);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return builder.sslContext(context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry trust store " + truststore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the registry trust store " + truststore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RegistryAccess[auth=" + (authorization == null ? "none" : authorization.substring(0, authorization.indexOf(' '))) + ", truststore="
                + (truststore == null ? "JVM default" : truststore) + "]";
    }
}
