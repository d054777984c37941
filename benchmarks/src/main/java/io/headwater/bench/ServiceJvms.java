package io.headwater.bench;

import java.util.ArrayList;
import java.util.List;

/** The options of the services' JVMs in a benchmark: its own, then what {@code -Dbench.jvm="…"} adds (split on whitespace). */
final class ServiceJvms {

    private ServiceJvms() {
    }

    static List<String> options(String... own) {
        List<String> jvm = new ArrayList<>(List.of(own));
        String extra = System.getProperty("bench.jvm", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        return jvm;
    }
}
