package io.headwater.demo;

import java.io.PrintStream;

/** A one-line progress bar: redrawn in place on a terminal, printed once at the end otherwise. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal = System.console() != null;
    private int lastDrawn = -1;

    ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    void update(long done) {
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        if (terminal && filled != lastDrawn) {
            out.print("\r  " + bar(filled) + " " + label + " " + done + "/" + total);
            out.flush();
            lastDrawn = filled;
        }
    }

    void done(String summary) {
        out.println((terminal ? "\r" : "") + "  " + bar(WIDTH) + " " + label + " " + summary);
    }

    private static String bar(int filled) {
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }
}
