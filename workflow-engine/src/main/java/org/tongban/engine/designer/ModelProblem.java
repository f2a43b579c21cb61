package org.tongban.engine.designer;

/**
 * One problem of a model. {@code elementId} names the BPMN element it is about (null when it is about the whole
 * file, e.g. malformed XML); {@code source} says who found it: {@code XML}, {@code ENGINE} (Camunda's parser) or
 * {@code PLATFORM} (Tongban's conventions). Errors block deployment, warnings do not.
 */
public record ModelProblem(Severity severity, Source source, String elementId, String message, Integer line) {

    /** Whether the problem blocks deployment. */
    public enum Severity { ERROR, WARNING }

    /** Which check found the problem. */
    public enum Source { XML, ENGINE, PLATFORM }

    public static ModelProblem error(Source source, String elementId, String message) {
        return new ModelProblem(Severity.ERROR, source, elementId, message, null);
    }

    public static ModelProblem warning(Source source, String elementId, String message) {
        return new ModelProblem(Severity.WARNING, source, elementId, message, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
