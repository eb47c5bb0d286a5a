package org.policytracker.catalogue;

import java.util.List;

/** A seed file that cannot be loaded. The message names the file, the entry and the field. */
public class SeedException extends RuntimeException {

    private final List<String> problems;

    public SeedException(List<String> problems) {
        super(problems.size() == 1 ? "Invalid catalogue seed: " + problems.get(0)
                : "Invalid catalogue seed (" + problems.size() + " problems):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
