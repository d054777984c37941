package io.headwater.query.alerts;

import io.headwater.avro.DriftAlert;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.AlertView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Turns the Avro alert into the API's view, with the link to the model version's provenance. */
@ApplicationScoped
public class AlertViews {

    private final String publicUrl;

    public AlertViews(@ConfigProperty(name = "headwater.query.public-url") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public AlertView of(DriftAlert a) {
        String path = "/models/" + encode(a.getModelName()) + "/versions/" + encode(a.getModelVersion());
        return new AlertView(a.getAlertId(), a.getModelName(), a.getModelVersion(), NodeId.modelVersion(a.getModelName(), a.getModelVersion()).value(),
                a.getFeature(), a.getMetric(), a.getValue(), a.getThreshold(), a.getSeverity().name(), a.getState().name(), a.getWindowStart(),
                a.getWindowEnd(), a.getOpenedAt(), a.getUpdatedAt(), a.getReferenceProfileId(), publicUrl + "/api/v1" + path, publicUrl + "/ui" + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
