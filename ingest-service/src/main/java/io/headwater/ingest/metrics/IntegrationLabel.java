package io.headwater.ingest.metrics;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code integration} label of ingest's metrics: which kind of producer sent an event, from a fixed list, so the
 * label's values stay bounded whatever senders write in {@code producer} (a URL per integration and version for
 * OpenLineage, anything at all in an invalid event; a model version for decisions).
 */
final class IntegrationLabel {

    /** OpenLineage's integrations (…/integration/&lt;name&gt; in their producer URLs) and Headwater's own clients (…/clients/&lt;name&gt;). */
    private static final Set<String> KNOWN = Set.of("airflow", "spark", "dbt", "flink", "trino", "hive", "dagster", "great_expectations",
            "sql", "python", "java", "spark-extension-interfaces", "common");
    private static final Pattern PATH = Pattern.compile("/(integration|clients)/([A-Za-z_-]{1,40})(?:[/?#]|$)");
    /** Airflow's own OpenLineage provider: https://github.com/apache/airflow/tree/providers-openlineage/&lt;version&gt;. */
    private static final Pattern AIRFLOW_PROVIDER = Pattern.compile("^https://github\\.com/apache/airflow/tree/providers-openlineage/");

    private IntegrationLabel() {
    }

    static String of(String producer) {
        if (producer == null || producer.isBlank()) {
            return "unknown";
        }
        if (AIRFLOW_PROVIDER.matcher(producer).find()) {
            return "airflow";
        }
        Matcher matcher = PATH.matcher(producer);
        while (matcher.find()) {
            String name = matcher.group(2).toLowerCase(Locale.ROOT);
            if (KNOWN.contains(name)) {
                return matcher.group(1).equals("clients") ? "headwater-" + name : name;
            }
        }
        return "other";
    }
}
