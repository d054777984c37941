package io.headwater.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the dev stack's services running, as Kubernetes would: a service whose process died, or whose
 * liveness stayed DOWN (or unanswered) for a while, is killed if need be and started again on the same
 * port and state, with exponential backoff when it keeps failing; every restart is logged. All processes
 * are started from the supervisor's one thread, so with {@link ServiceProcess#launch} they die with the
 * launcher (no orphans after its {@code kill -9}).
 */
final class Supervisor implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** Liveness DOWN this many checks in a row (or no answer for {@link #UNANSWERED_CHECKS}) means restart. */
    static final int DOWN_CHECKS = 5;
    static final int UNANSWERED_CHECKS = 30;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A service that stayed up this long is healthy again: its next failure restarts without waiting. */
    private static final Duration STABLE = Duration.ofSeconds(60);

    /** What a service is started with, again on every restart. */
    record Spec(String module, Path jar, int port, Map<String, String> config, Path logFile, List<String> jvmOptions, Duration readyTimeout) {
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "headwater-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final List<Watched> watched = new ArrayList<>();
    private final Consumer<String> log;
    private final Consumer<ServiceProcess> onStart;
    private volatile boolean closing;

    Supervisor(Consumer<String> log, Consumer<ServiceProcess> onStart) {
        this.log = log;
        this.onStart = onStart;
        thread.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts a service (on the supervisor's thread) without waiting for it to be ready; from then on it is watched. */
    ServiceProcess launch(Spec spec) {
        return onThread(() -> {
            Watched w = new Watched(spec);
            w.start();
            watched.add(w);
            return w.process;
        });
    }

    private void check() {
        for (Watched w : watched) {
            if (closing) {
                return;
            }
            try {
                w.check();
            } catch (RuntimeException e) {
                log.accept(w.spec.module() + ": restart failed (" + e.getMessage().lines().findFirst().orElse("") + "); trying again");
                w.failedAt(System.nanoTime());
            }
        }
    }

    /** The running processes, for stopping them. */
    List<ServiceProcess> processes() {
        return onThread(() -> watched.stream().map(w -> w.process).toList());
    }

    /** Stops watching: from here on a process that exits stays down. */
    @Override
    public void close() {
        closing = true;
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T onThread(Callable<T> work) {
        try {
            return thread.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** One service under watch. */
    private final class Watched {
        final Spec spec;
        ServiceProcess process;
        long startedAt;
        int down;
        int unanswered;
        int restarts;
        int failuresInARow;
        long retryAt = Long.MIN_VALUE;
        boolean ready;

        Watched(Spec spec) {
            this.spec = spec;
        }

        void start() {
            process = ServiceProcess.launch(spec.module(), spec.jar(), spec.port(), spec.config(), spec.logFile(), spec.jvmOptions(), true);
            // A death is acted on when it happens, not at the next round of checks (which waits on every service's liveness).
            ServiceProcess started = process;
            started.onExit().thenRun(() -> {
                if (!closing) {
                    thread.execute(() -> {
                        if (process == started && !closing) {
                            check();
                            check();
                        }
                    });
                }
            });
            startedAt = System.nanoTime();
            down = 0;
            unanswered = 0;
            ready = false;
            onStart.accept(process);
        }

        void check() {
            long now = System.nanoTime();
            if (retryAt != Long.MIN_VALUE) {
                if (now < retryAt) {
                    return;
                }
                retryAt = Long.MIN_VALUE;
                restart("restarting (restart " + (restarts + 1) + ")");
                return;
            }
            if (!process.isAlive()) {
                failedAt(now);
                log.accept(spec.module() + " exited (code " + process.exitCode() + "); " + when());
                return;
            }
            int status = process.liveness(Duration.ofSeconds(1));
            if (status == 200) {
                if (!ready && restarts > 0) {
                    log.accept(spec.module() + " is back (" + TimeUnit.NANOSECONDS.toMillis(now - startedAt) / 1000.0 + " s after its restart)");
                }
                down = 0;
                unanswered = 0;
                ready = true;
                if (now - startedAt > STABLE.toNanos()) {
                    failuresInARow = 0;
                }
                return;
            }
            // Not answering while it boots is normal; the start's own timeout covers that.
            boolean booting = !ready && now - startedAt < spec.readyTimeout().toNanos();
            if (status == 503) {
                down++;
            } else if (!booting) {
                unanswered++;
            }
            if (down >= DOWN_CHECKS || unanswered >= UNANSWERED_CHECKS) {
                String why = down >= DOWN_CHECKS ? "liveness DOWN for " + down + " s" : "no liveness answer for " + unanswered + " s";
                process.kill();
                failedAt(now);
                log.accept(spec.module() + ": " + why + "; killed; " + when());
            }
        }

        void failedAt(long now) {
            failuresInARow++;
            long backoff = Math.min(MAX_BACKOFF.toMillis(), failuresInARow <= 1 ? 0 : 1000L << Math.min(failuresInARow - 2, 5));
            retryAt = now + TimeUnit.MILLISECONDS.toNanos(backoff);
        }

        private String when() {
            long waitMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(retryAt - System.nanoTime()));
            return waitMs == 0 ? "restarting now" : "restarting in " + waitMs / 1000.0 + " s (failed " + failuresInARow + " times in a row)";
        }

        private void restart(String what) {
            restarts++;
            log.accept(spec.module() + ": " + what);
            start();
        }
    }
}
