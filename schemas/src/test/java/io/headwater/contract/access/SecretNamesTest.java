package io.headwater.contract.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretNamesTest {

    @Test
    void namesThatHoldSecretsInFactsAndUrlsAlike() {
        for (String name : new String[]{"password", "spark.hadoop.fs.s3a.secret.key", "AWS_SECRET_ACCESS_KEY", "access_token", "api_key", "apiKey",
                "GOOGLE_APPLICATION_CREDENTIALS", "client-secret", "X-Amz-Security-Token", "spark.ssl.keyStorePassword"}) {
            assertThat(SecretNames.namesSecret(name)).as(name).isTrue();
        }
    }

    @Test
    void namesThatOnlyLookLikeIt() {
        for (String name : new String[]{"keyFields", "primary_key", "max_tokens", "tokenizer", "nodeId", "depth", "principal", "since"}) {
            assertThat(SecretNames.namesSecret(name)).as(name).isFalse();
        }
    }
}
