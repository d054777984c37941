package io.headwater.kafka.registry;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryAccessTest {

    @TempDir
    Path dir;

    private static RegistryAccess from(Map<String, String> config) {
        return RegistryAccess.from(name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void basicAuthAndBearerTokenBecomeTheAuthorizationHeader() throws Exception {
        assertThat(from(Map.of("headwater.schema-registry.basic-auth", "key:secret")).authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("key:secret".getBytes(StandardCharsets.UTF_8)));
        Path token = Files.writeString(dir.resolve("token"), "eyJ.token\n");
        assertThat(from(Map.of("headwater.schema-registry.bearer-token-file", token.toString())).authorization()).isEqualTo("Bearer eyJ.token");
        assertThat(RegistryAccess.NONE.authorization()).isNull();
    }

    @Test
    void contradictoryOrMalformedCredentialsAreRefusedAtStart() {
        assertThatThrownBy(() -> from(Map.of("headwater.schema-registry.basic-auth", "a:b", "headwater.schema-registry.bearer-token", "t")))
                .hasMessageContaining("set one");
        assertThatThrownBy(() -> from(Map.of("headwater.schema-registry.basic-auth", "no-colon"))).hasMessageContaining("user:password");
    }

    /** A registry behind TLS with a certificate no public CA signed: trusted through the configured trust store only. */
    @Test
    void aPrivatelySignedRegistryIsReachedThroughTheConfiguredTrustStoreOnly() throws Exception {
        String password = "changeit-" + System.nanoTime();
        Path keystore = dir.resolve("registry.p12");
        Path certificate = dir.resolve("registry.pem");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "registry", "-keystore", keystore.toString(), "-storepass", password, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", password);

        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            keys.load(in, password.toCharArray());
        }
        javax.net.ssl.KeyManagerFactory keyManagers = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password.toCharArray());
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        com.sun.net.httpserver.HttpsServer registry = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
        registry.createContext("/", exchange -> {
            byte[] body = "[\"s-value\"]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        try {
            String url = "https://127.0.0.1:" + registry.getAddress().getPort();
            Path passwordFile = Files.writeString(dir.resolve("trust-password"), password + "\n");
            RegistryAccess trusted = from(Map.of("headwater.schema-registry.truststore", truststore.toString(),
                    "headwater.schema-registry.truststore-password-file", passwordFile.toString()));
            assertThat(new SchemaRegistryClient(url, Duration.ofSeconds(5), trusted).subjects()).containsExactly("s-value");
            assertThatThrownBy(() -> new SchemaRegistryClient(url, Duration.ofSeconds(5), RegistryAccess.NONE).subjects())
                    .as("the JVM's own CAs do not know this certificate").isInstanceOf(SchemaRegistryException.class);
            assertThat(trusted.toString()).doesNotContain(password);
        } finally {
            registry.stop(0);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    @Test
    void theClientSendsItsCredentialsToEveryCallAndNeverShowsThem() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "[\"headwater.lineage.v1-value\"]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        try {
            RegistryAccess access = from(Map.of("headwater.schema-registry.basic-auth", "key:s3cr3t"));
            SchemaRegistryClient client = new SchemaRegistryClient("http://127.0.0.1:" + registry.getAddress().getPort(), Duration.ofSeconds(5), access);
            assertThat(client.subjects()).containsExactly("headwater.lineage.v1-value");
            assertThat(seen).containsExactly(access.authorization());
            assertThat(access.toString()).doesNotContain("s3cr3t").doesNotContain(access.authorization().substring(6)).contains("Basic");
        } finally {
            registry.stop(0);
        }
    }
}
