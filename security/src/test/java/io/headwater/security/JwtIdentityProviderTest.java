package io.headwater.security;

import io.headwater.testkit.TestJwts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtIdentityProviderTest {

    @TempDir
    Path dir;

    @Test
    void aTokenFromTheConfiguredIssuerGivesItsHolderTheRolesItsGroupsName() {
        TestJwts idp = TestJwts.create(dir);
        JwtIdentityProvider provider = new JwtIdentityProvider(Optional.of(idp.publicKey().toString()), Optional.of(TestJwts.ISSUER),
                Optional.empty(), "groups", Optional.of(List.of("compliance-team:auditor", "compliance-team:reader")));
        SecurityIdentity reader = provider.identity(idp.token("ada", List.of("reader", "staff")));
        assertThat(reader.getPrincipal().getName()).isEqualTo("jwt:ada");
        assertThat(reader.getRoles()).containsExactly("reader");
        assertThat(provider.identity(idp.token("grace", List.of("compliance-team"))).getRoles()).containsExactlyInAnyOrder("auditor", "reader");
        assertThat(provider.identity(idp.token("eve", List.of("service"))).getRoles()).as("the services' role is never a token's").isEmpty();
    }

    @Test
    void anExpiredForeignOrTamperedTokenIsRefused() {
        TestJwts idp = TestJwts.create(dir.resolve("ours"));
        TestJwts other = TestJwts.create(dir.resolve("theirs"));
        JwtIdentityProvider provider = new JwtIdentityProvider(Optional.of(idp.publicKey().toString()), Optional.of(TestJwts.ISSUER),
                Optional.empty(), "groups", Optional.empty());
        assertThatThrownBy(() -> provider.identity(idp.token("ada", List.of("reader"), Instant.now().minusSeconds(3600), TestJwts.ISSUER)))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> provider.identity(idp.token("ada", List.of("reader"), Instant.now().plusSeconds(600), "https://elsewhere")))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> provider.identity(other.token("ada", List.of("reader")))).isInstanceOf(AuthenticationFailedException.class);
        String token = idp.token("ada", List.of("reader"));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"reader\"", "\"admin\"").getBytes()) + "." + parts[2];
        assertThatThrownBy(() -> provider.identity(forged)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(JwtIdentityProvider.looksLikeJwt(token)).isTrue();
        assertThat(JwtIdentityProvider.looksLikeJwt("hwk_aaaaaaaaaaaa_" + "x".repeat(43))).isFalse();
    }
}
