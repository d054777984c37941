package io.headwater.demo;

import io.headwater.client.ClientConfig;
import io.headwater.client.Distribution;
import io.headwater.client.EnvironmentCapture;
import io.headwater.client.LineageTransport;
import io.headwater.client.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The churn training run: through the Python emitter's example when python3 is here, else through the Java emitter. */
final class Training {

    static final List<Double> TENURE_EDGES = List.of(0.0, 6.0, 12.0, 24.0, 36.0, 60.0);

    /** What a training run is given: the example's parameters. */
    record Recipe(double learningRate, int epochs, int seed) {

        static final Recipe FIRST = new Recipe(0.5, 8, 42);

        List<String> arguments() {
            return List.of("--learning-rate", String.valueOf(learningRate), "--epochs", String.valueOf(epochs), "--seed", String.valueOf(seed));
        }
    }

    private Training() {
    }

    /** Returns the run id. */
    static String run(Path root, String ingest, String modelVersion, Recipe recipe, PrintStream out) throws IOException, InterruptedException {
        if (pythonAvailable()) {
            List<String> command = new ArrayList<>(List.of("python3", "clients/python/examples/train_churn.py", "--model-version", modelVersion));
            command.addAll(recipe.arguments());
            out.println("  " + String.join(" ", command));
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            builder.environment().put("HEADWATER_URL", ingest);
            builder.environment().putIfAbsent("HEADWATER_SPOOL_DIR", root.resolve(".headwater/spool").toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("the training script failed:\n" + output);
            }
            String runId = output.replaceAll("(?s).*run ([0-9a-f-]{36}) recorded.*", "$1");
            if (runId.length() != 36) {
                throw new IOException("the training script did not say its run id:\n" + output);
            }
            return runId;
        }
        out.println("  (python3 not found: training through the Java emitter instead)");
        TrainingRun run = TrainingRun.start("churn-train", "ml",
                new LineageTransport(ClientConfig.fromEnvironment().withUrl(ingest).withSpoolDir(root.resolve(".headwater/spool"))),
                new EnvironmentCapture(), root);
        try {
            TrainingRun.record(run, r -> {
                r.params(Map.of("learning_rate", recipe.learningRate(), "epochs", recipe.epochs(), "seed", recipe.seed(),
                        "model", "logistic-regression"));
                r.input("/srv/spark-demo/data/out/top_countries", "training", null);
                r.input("gs://mock-bucket/result.csv", "test", null);
                Random random = new Random(recipe.seed());
                for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
                    r.metric("auc", 0.62 + recipe.learningRate() * 0.02 * epoch + random.nextDouble() * 0.005, (long) epoch);
                }
                r.referenceProfile(List.of(Distribution.numeric("tenure", TENURE_EDGES, tenureCounts(random, 4000, 18))),
                        null);
                r.outputModel("churn", modelVersion, "s3://models/churn/" + modelVersion);
            });
        } catch (Exception e) {
            throw new IOException(e);
        }
        return run.runId();
    }

    /** Tenure in months as the example trains on (exponential, mean {@code mean}, capped below 60), binned. */
    static List<Long> tenureCounts(Random random, int n, double mean) {
        long[] counts = new long[TENURE_EDGES.size() - 1];
        for (int i = 0; i < n; i++) {
            double tenure = Math.min(59.9, -Math.log(1 - random.nextDouble()) * mean);
            int bin = 0;
            while (bin < counts.length - 1 && tenure >= TENURE_EDGES.get(bin + 1)) {
                bin++;
            }
            counts[bin]++;
        }
        List<Long> list = new ArrayList<>();
        for (long c : counts) {
            list.add(c);
        }
        return list;
    }

    static Map<String, Long> plans(Random random, int n) {
        Map<String, Long> plans = new TreeMap<>();
        String[] choices = {"basic", "basic", "pro", "team"};
        for (int i = 0; i < n; i++) {
            plans.merge(choices[random.nextInt(choices.length)], 1L, Long::sum);
        }
        return plans;
    }

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Duration timeout() {
        return Duration.ofSeconds(90);
    }
}
