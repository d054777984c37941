package io.headwater.contract.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    @Test
    void defaultsMeetTheLawsMinimums() {
        RetentionPolicy policy = RetentionPolicy.defaults();
        assertThat(policy.period(RetentionClass.DECISIONS)).contains(Duration.ofDays(184));
        assertThat(policy.period(RetentionClass.LINEAGE)).contains(Duration.ofDays(3653));
        assertThat(policy.period(RetentionClass.OPERATIONAL)).isEmpty();
        assertThat(policy.retentionMs(RetentionClass.OPERATIONAL)).isEqualTo(-1);
        for (RetentionClass retention : RetentionClass.values()) {
            assertThat(policy.meetsLegalMinimum(retention)).as(retention.name()).isTrue();
        }
    }

    @Test
    void aDeploymentSetsEachClassAndIsToldWhenItFallsShortOfTheLaw() {
        Map<String, String> settings = Map.of("headwater.retention.decisions", "P30D", "headwater.retention.audit", "forever");
        RetentionPolicy policy = RetentionPolicy.from(name -> Optional.ofNullable(settings.get(name)));
        assertThat(policy.retentionMs(RetentionClass.DECISIONS)).isEqualTo(Duration.ofDays(30).toMillis());
        assertThat(policy.meetsLegalMinimum(RetentionClass.DECISIONS)).isFalse();
        assertThat(policy.period(RetentionClass.AUDIT)).isEmpty();
    }

    @Test
    void aPeriodThatIsNotOneNamesTheSetting() {
        assertThatThrownBy(() -> RetentionPolicy.from(name -> name.equals("headwater.retention.lineage") ? Optional.of("ten years") : Optional.empty()))
                .hasMessageContaining("headwater.retention.lineage").hasMessageContaining("P184D");
    }
}
