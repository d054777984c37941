package io.headwater.e2e;

import io.headwater.chaos.ChaosRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of {@code ./headwater chaos}: 1,000 uniquely identified events while ingest,
 * lineage-streams, query-service and the broker are each killed with SIGKILL and started again. Nothing
 * acknowledged is lost or doubled, every service is back and answering, and the graph equals a clean
 * replay of the same events.
 */
class ChaosIT {

    @Test
    void killingEachProcessInTurnLosesNothingAndChangesNothing() throws Exception {
        ChaosRun.Report report = new ChaosRun(new ChaosRun.Settings(500, 4, ChaosRun.TARGETS, Duration.ofSeconds(180)), System.out).run();
        report.print(System.out);
        assertThat(report.acknowledged()).isEqualTo(report.events());
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.recoveries()).extracting(ChaosRun.Recovery::target).containsExactlyElementsOf(ChaosRun.TARGETS);
        assertThat(report.recoveries()).allSatisfy(r -> assertThat(r.seconds()).as(r.target()).isLessThan(120));
        assertThat(report.nodes()).isGreaterThan(500);
        assertThat(report.nodeDifferences()).isEmpty();
        assertThat(report.edgeDifferences()).isEmpty();
    }
}
