package org.tongban.engine.designer;

/**
 * A deployment: the new (or, when the model did not change, the existing) process definition. {@code unchanged}
 * says that the model equals the latest version, so no version was added.
 */
public record DeployResult(String deploymentId, String processDefinitionId, String processKey, int version,
                           boolean unchanged, ValidationReport validation) {
}
