package org.tongban.engine.designer;

import java.util.List;

/**
 * The outcome of validating a model: {@code valid} when no problem is an error. {@code processKey} and
 * {@code processName} are those of the model's executable process, when it has one.
 */
public record ValidationReport(boolean valid, String processKey, String processName, List<ModelProblem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public List<ModelProblem> errors() {
        return problems.stream().filter(ModelProblem::isError).toList();
    }
}
