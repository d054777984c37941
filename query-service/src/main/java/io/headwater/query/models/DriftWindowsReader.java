package io.headwater.query.models;

import io.headwater.avro.DriftWindow;
import io.headwater.avro.FeatureDrift;
import io.headwater.avro.MetricJudgement;
import io.headwater.contract.TimeOrderedKeys;
import io.headwater.query.api.DriftHistory;
import io.headwater.query.streams.StoreAccess;
import io.headwater.query.streams.TopologyProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The drift history of a model version from this instance's replica of the drift-windows topic (a global store). */
@ApplicationScoped
public class DriftWindowsReader {

    private final StoreAccess stores;

    public DriftWindowsReader(StoreAccess stores) {
        this.stores = stores;
    }

    /** The newest {@code limit} windows, oldest first. */
    public DriftHistory history(String modelVersionId, int limit) {
        List<DriftWindow> newest = new ArrayList<>();
        try (KeyValueIterator<String, DriftWindow> it = stores.<DriftWindow>keyValue(TopologyProducer.DRIFT_WINDOWS_STORE)
                .reverseRange(TimeOrderedKeys.prefix(modelVersionId), TimeOrderedKeys.end(modelVersionId))) {
            while (it.hasNext() && newest.size() < limit) {
                newest.add(it.next().value);
            }
        }
        Collections.reverse(newest);
        String reference = newest.isEmpty() ? null : newest.get(newest.size() - 1).getReferenceProfileId();
        return new DriftHistory(modelVersionId, reference, newest.stream().map(DriftWindowsReader::view).toList());
    }

    private static DriftHistory.Window view(DriftWindow w) {
        Map<String, DriftHistory.Feature> features = new TreeMap<>();
        for (FeatureDrift f : w.getFeatures()) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            Map<String, Double> warn = new LinkedHashMap<>();
            Map<String, Double> alert = new LinkedHashMap<>();
            for (MetricJudgement m : f.getMetrics()) {
                metrics.put(m.getMetric(), m.getValue());
                warn.put(m.getMetric(), m.getWarn());
                alert.put(m.getMetric(), m.getAlert());
            }
            features.put(f.getFeature(), new DriftHistory.Feature(metrics, warn, alert, f.getLabels(), f.getReference(), f.getObserved()));
        }
        return new DriftHistory.Window(w.getWindowStart(), w.getWindowEnd(), w.getSampleCount(), features);
    }
}
