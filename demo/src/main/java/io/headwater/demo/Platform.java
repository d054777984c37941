package io.headwater.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.testkit.Http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** The running platform's HTTP endpoints, as the demo uses them. */
final class Platform {

    /** Sends with a producer's key, asks with a reader's (both null where the platform runs in open mode). */
    private final Http producer;
    private final Http reader;
    final String ingest;
    final String query;

    Platform(String ingest, String query, String producerAuthorization, String readerAuthorization) {
        this.ingest = ingest;
        this.query = query;
        Http http = new Http();
        this.producer = http.withAuthorization(producerAuthorization);
        this.reader = http.withAuthorization(readerAuthorization);
    }

    int post(String path, String json) throws IOException {
        Http.Response response = producer.post(ingest + path, json);
        if (response.status() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.status();
    }

    Optional<JsonNode> get(String path) {
        Http.Response response = reader.get(query + path);
        return response.status() == 200 ? Optional.of(response.json()) : Optional.empty();
    }

    /** Polls until the answer passes the check, at most the timeout. */
    JsonNode await(String path, Predicate<JsonNode> ready, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<JsonNode> answer = get(path);
            if (answer.isPresent() && ready.test(answer.get())) {
                return answer.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no answer from " + query + path + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(300);
        }
    }

    static String encode(String value) {
        return Http.encode(value);
    }
}
