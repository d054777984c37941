package io.headwater.query.alerts;

import io.headwater.avro.DriftAlert;
import io.headwater.query.api.AlertView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Lists alerts by model, version, state and time, newest first. */
@ApplicationScoped
public class AlertService {

    private final AlertStore store;
    private final AlertViews views;

    public AlertService(AlertStore store, AlertViews views) {
        this.store = store;
        this.views = views;
    }

    public record Filter(String model, String version, String state, Instant since) implements Predicate<DriftAlert> {
        @Override
        public boolean test(DriftAlert a) {
            return (model == null || model.equals(a.getModelName()))
                    && (version == null || version.equals(a.getModelVersion()))
                    && (state == null || state.equalsIgnoreCase(a.getState().name()))
                    && (since == null || !a.getUpdatedAt().isBefore(since));
        }
    }

    public List<AlertView> alerts(Filter filter, int limit) {
        return store.alerts().stream().filter(filter)
                .sorted(Comparator.comparing(DriftAlert::getUpdatedAt).reversed().thenComparing(DriftAlert::getAlertId))
                .limit(limit).map(views::of).toList();
    }
}
