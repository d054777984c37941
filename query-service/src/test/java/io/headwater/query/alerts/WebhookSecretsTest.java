package io.headwater.query.alerts;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSecretsTest {

    private static final String SECRET = "6f1d0c3b9a8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e";

    @Test
    void aSealedSecretReadsAsNothingOnTheTopicAndOpensWithTheSameKeyOnly() {
        WebhookSecrets secrets = WebhookSecrets.withKey(new byte[32]);
        String sealed = secrets.seal(SECRET);
        assertThat(sealed).startsWith(WebhookSecrets.PREFIX).doesNotContain(SECRET);
        assertThat(secrets.seal(SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.open(sealed)).isEqualTo(SECRET);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> WebhookSecrets.withKey(other).open(sealed)).hasMessageContaining("could not be unsealed");
    }

    @Test
    void theKeyComesFromTheServiceKeyWhenNoneIsConfiguredAndAPlainSecretStillOpens() {
        WebhookSecrets derived = new WebhookSecrets(Optional.empty(), Optional.empty(),
                new io.headwater.security.AccessSettings("keys", "127.0.0.1", Optional.of("hws_" + "k".repeat(40)), Optional.empty()));
        assertThat(derived.open(derived.seal(SECRET))).isEqualTo(SECRET);
        assertThat(derived.open(SECRET)).as("stored before sealing existed").isEqualTo(SECRET);
        assertThatThrownBy(() -> WebhookSecrets.withKey(new byte[16])).hasMessageContaining("32 bytes");
    }
}
