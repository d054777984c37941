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
