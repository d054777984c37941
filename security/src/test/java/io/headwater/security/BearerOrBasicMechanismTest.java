package io.headwater.security;

import io.headwater.contract.access.ApiKey;
import io.headwater.contract.access.ApiKeyToken;
import io.headwater.contract.access.Roles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerOrBasicMechanismTest {

    private final ApiKeyToken.Issued issued = ApiKeyToken.issue(List.of(Roles.PRODUCER), List.of("spark"), "test", "tester", null);
    private final String token = issued.token().value();

    @Test
    void theKeyComesAsBearerOrAsTheBasicPasswordAsOpenLineageAndConfluentClientsSendIt() {
        assertThat(BearerOrBasicMechanism.token("Bearer " + token)).isEqualTo(token);
        assertThat(BearerOrBasicMechanism.token("bearer   " + token)).isEqualTo(token);
        String basic = Base64.getEncoder().encodeToString((issued.key().id() + ":" + token).getBytes(StandardCharsets.UTF_8));
        assertThat(BearerOrBasicMechanism.token("Basic " + basic)).isEqualTo(token);
        assertThatThrownBy(() -> BearerOrBasicMechanism.token("Digest username=x")).hasMessageContaining("Bearer <API key>");
        assertThatThrownBy(() -> BearerOrBasicMechanism.token("Basic %%%")).hasMessageContaining("base64");
    }

    @Test
    void onlyTheHashOfTheSecretIsStoredAndOnlyTheRightSecretMatches() {
        ApiKey stored = ApiKey.fromJson(issued.key().toJson());
        assertThat(stored.toJson()).doesNotContain(issued.token().secret()).contains(stored.secretHash());
        assertThat(stored.roles()).containsExactly(Roles.PRODUCER);
        assertThat(stored.namespaces()).containsExactly("spark");
        assertThat(ApiKeyToken.parse(token)).hasValueSatisfying(t -> assertThat(t.matches(stored)).isTrue());
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(ApiKeyToken.parse(tampered)).hasValueSatisfying(t -> assertThat(t.matches(stored)).isFalse());
        assertThat(ApiKeyToken.parse("not-a-key")).isEmpty();
        assertThat(issued.token().toString()).doesNotContain(issued.token().secret());
    }

    @Test
    void aRevokedOrExpiredKeyIsNotActive() {
        Instant now = Instant.now();
        assertThat(issued.key().activeAt(now)).isTrue();
        assertThat(issued.key().revoked(now).activeAt(now.plusSeconds(1))).isFalse();
        ApiKeyToken.Issued expiring = ApiKeyToken.issue(List.of(Roles.READER), List.of(), "x", "y", now.plusSeconds(60));
        assertThat(expiring.key().activeAt(now)).isTrue();
        assertThat(expiring.key().activeAt(now.plusSeconds(61))).isFalse();
        assertThatThrownBy(() -> ApiKeyToken.issue(List.of("root"), List.of(), "x", "y", null)).hasMessageContaining("not a role");
        assertThatThrownBy(() -> ApiKeyToken.issue(List.of(Roles.SERVICE), List.of(), "x", "y", null)).hasMessageContaining("not a role");
    }

    @Test
    void openModeListensOnLoopbackOnly() {
        assertThat(AccessSettings.loopback("127.0.0.1")).isTrue();
        assertThat(AccessSettings.loopback("localhost")).isTrue();
        assertThat(AccessSettings.loopback("::1")).isTrue();
        assertThat(AccessSettings.loopback("0.0.0.0")).isFalse();
        assertThat(AccessSettings.loopback("10.0.0.5")).isFalse();
    }

    @Test
    void theHostHeaderIsReadWithoutItsPort() {
        assertThat(HostCheck.host("LocalHost:8080")).isEqualTo("localhost");
        assertThat(HostCheck.host("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(HostCheck.host("[::1]:5000")).isEqualTo("[::1]");
        assertThat(HostCheck.host("attacker.example:80")).isEqualTo("attacker.example");
        assertThat(HostCheck.host(null)).isNull();
    }
}
