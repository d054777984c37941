package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GIT_TOKEN = "ghp_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a";
    private static final String S3_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";

    private final String raw = """
            {"eventType":"COMPLETE","eventTime":"2026-11-26T03:14:12.618Z","producer":"https://github.com/OpenLineage/OpenLineage/tree/1.53.0/integration/spark",
             "run":{"runId":"01a215d8-b242-752e-8681-58dc1af79577","facets":{
               "spark_properties":{"properties":{"spark.master":"local[2]","spark.hadoop.fs.s3a.secret.key":"%s","spark.hadoop.fs.s3a.access.key":"%s"}},
               "environmentVariables":{"environmentVariables":[{"name":"AWS_SECRET_ACCESS_KEY","value":"%s"},{"name":"HOME","value":"/home/spark"}]}}},
             "job":{"namespace":"spark","name":"etl","facets":{"sourceCodeLocation":{"type":"git","url":"https://deploy:%s@github.com/acme/etl.git",
               "repoUrl":"https://deploy:%s@github.com/acme/etl.git","version":"4f2a"}}},
             "inputs":[{"namespace":"postgres://etl:hunter2hunter2@db.internal:5432","name":"public.orders"},
                       {"namespace":"s3://bucket","name":"in/part-0.parquet?X-Amz-Signature=abcdef0123456789&X-Amz-Expires=3600"}],
             "outputs":[{"namespace":"file","name":"/srv/out","facets":{"schema":{"fields":[{"name":"token_count","type":"int"}]},
               "tags":{"tags":[{"key":"team","value":"payments","source":"USER"}]}}}]}"""
            .formatted(S3_SECRET, AWS_KEY, S3_SECRET, GIT_TOKEN, GIT_TOKEN);

    @Test
    void credentialsLeaveTheEventAndItsRawTextAndNothingElseChanges() throws Exception {
        JsonNode event = JSON.readTree(raw);
        SecretRedactor.Redactions redactions = SecretRedactor.redact(event);
        String stored = redactions.apply(raw, event);
        for (String secret : new String[]{GIT_TOKEN, S3_SECRET, AWS_KEY, "hunter2hunter2", "abcdef0123456789"}) {
            assertThat(stored).as("raw").doesNotContain(secret);
            assertThat(event.toString()).as("tree").doesNotContain(secret);
        }
        assertThat(event.at("/job/facets/sourceCodeLocation/url").asText()).isEqualTo("https://***@github.com/acme/etl.git");
        assertThat(event.at("/inputs/0/namespace").asText()).isEqualTo("postgres://***@db.internal:5432");
        assertThat(event.at("/inputs/1/name").asText()).isEqualTo("in/part-0.parquet?X-Amz-Signature=" + SecretRedactor.MARKER + "&X-Amz-Expires=3600");
        assertThat(event.at("/run/facets/spark_properties/properties/spark.hadoop.fs.s3a.secret.key").asText()).isEqualTo(SecretRedactor.MARKER);
        assertThat(event.at("/run/facets/environmentVariables/environmentVariables/0/value").asText()).isEqualTo(SecretRedactor.MARKER);
        assertThat(redactions.pointers()).contains("/job/facets/sourceCodeLocation/url", "/run/facets/spark_properties/properties/spark.hadoop.fs.s3a.secret.key");
        // What is not a secret stays, in the raw text byte for byte.
        assertThat(event.at("/run/facets/spark_properties/properties/spark.master").asText()).isEqualTo("local[2]");
        assertThat(event.at("/run/facets/environmentVariables/environmentVariables/1/value").asText()).isEqualTo("/home/spark");
        assertThat(event.at("/outputs/0/facets/tags/tags/0/value").asText()).isEqualTo("payments");
        assertThat(event.at("/outputs/0/facets/schema/fields/0/name").asText()).isEqualTo("token_count");
        assertThat(stored.replace(SecretRedactor.MARKER, "").replace("***@", "").length()).isLessThan(raw.length());
        assertThat(stored).startsWith(raw.substring(0, 120));
        assertThat(JSON.readTree(stored)).isEqualTo(event);
    }

    @Test
    void anEventWithoutSecretsIsUntouched() throws Exception {
        String clean = "{\"job\":{\"namespace\":\"file\",\"name\":\"x\"},\"inputs\":[{\"namespace\":\"s3://bucket\",\"name\":\"a=b/c\"}]}";
        JsonNode event = JSON.readTree(clean);
        SecretRedactor.Redactions redactions = SecretRedactor.redact(event);
        assertThat(redactions.any()).isFalse();
        assertThat(redactions.apply(clean, event)).isSameAs(clean);
    }

    @Test
    void aSecretEscapedOtherwiseThanJacksonWouldIsStillTakenOut() throws Exception {
        String escaped = "{\"password\":\"hunter\\u0032hunter2\"}";
        JsonNode event = JSON.readTree(escaped);
        String stored = SecretRedactor.redact(event).apply(escaped, event);
        assertThat(JSON.readTree(stored).path("password").asText()).isEqualTo(SecretRedactor.MARKER);
    }
}
