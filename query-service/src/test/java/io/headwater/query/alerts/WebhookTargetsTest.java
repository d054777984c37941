package io.headwater.query.alerts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

    private final WebhookTargets defaults = new WebhookTargets(Optional.empty());

    @Test
    void everyFormOfAnAddressInsideTheDeploymentIsRefused() {
        List<String> inward = List.of("http://127.0.0.1:8081/subjects", "http://localhost:8080/internal/v1/decisions/x", "http://2130706433/",
                "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://[::1]:8081/", "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:7f00:1]/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/", "http://192.168.1.1/",
                "http://172.16.0.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[fd00::1]/", "http://[fe80::1]/", "http://224.0.0.1/");
        for (String url : inward) {
            assertThat(defaults.refusal(url)).as(url).isPresent();
        }
        assertThat(defaults.refusal("ftp://example.com/")).hasValueSatisfying(r -> assertThat(r).contains("http or https"));
        assertThat(defaults.refusal("https://user:pass@hooks.example.com/")).hasValueSatisfying(r -> assertThat(r).contains("credentials"));
        assertThat(defaults.refusal("http://2130706433/")).hasValueSatisfying(r -> assertThat(r).contains("bare number"));
        assertThat(defaults.refusal("http://169.254.169.254/")).hasValueSatisfying(r -> assertThat(r).contains("headwater.webhooks.allowed-hosts"));
    }

    @Test
    void aPublicAddressIsAcceptedAndAnAllowListLetsChosenInternalReceiversThrough() {
        assertThat(defaults.refusal("https://93.184.216.34/hook")).isEmpty();
        WebhookTargets allowing = new WebhookTargets(Optional.of(List.of("alerts.internal.example", "10.20.0.0/16", "127.0.0.1")));
        assertThat(allowing.refusal("http://10.20.3.4/hook")).isEmpty();
        assertThat(allowing.refusal("http://10.21.3.4/hook")).isPresent();
        assertThat(allowing.refusal("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(allowing.refusal("http://alerts.internal.example/hook")).as("a listed name is trusted as named").isEmpty();
    }
}
