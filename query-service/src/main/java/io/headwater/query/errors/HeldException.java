package io.headwater.query.errors;

import java.util.List;

/** An erasure or expiry that would delete what a legal hold keeps: refused, naming the holds. */
public class HeldException extends RuntimeException {

    private final List<String> holds;

    public HeldException(String detail, List<String> holds) {
        super(detail);
        this.holds = List.copyOf(holds);
    }

    public List<String> holds() {
        return holds;
    }
}
