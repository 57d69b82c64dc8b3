package io.compclose.core.plan;

import java.util.List;

/** The plan files are wrong; every problem names the file, the plan and the field. */
public class PlanValidationException extends RuntimeException {

    private final List<String> problems;

    public PlanValidationException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in plan files: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
