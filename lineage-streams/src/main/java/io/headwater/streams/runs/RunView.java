package io.headwater.streams.runs;

import io.headwater.avro.DatasetRef;
import io.headwater.avro.Environment;
import io.headwater.avro.ErrorInfo;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.JobInfo;
import io.headwater.avro.Metric;
import io.headwater.avro.RunRef;
import io.headwater.avro.RunState;
import io.headwater.avro.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run as all its events together describe it.
 *
 * @param inputReadAt for each input (dataset id), the earliest event time at which the run named it
 */
public record RunView(String runId, JobInfo job, RunState state, Instant startTime, Instant endTime, Instant firstSeen,
                      Instant lastSeen, RunRef parent, RunRef root, ErrorInfo error, Map<String, String> parameters,
                      List<Metric> metrics, Environment environment, List<FeatureDistribution> referenceProfile,
                      Instant nominalStartTime, Instant nominalEndTime, List<DatasetRef> inputs, List<DatasetRef> outputs,
                      Map<String, Instant> inputReadAt, int eventCount, List<Tag> tags) {

    public boolean completed() {
        return state == RunState.COMPLETE;
    }
}
