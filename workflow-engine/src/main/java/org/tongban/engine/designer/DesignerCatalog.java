package org.tongban.engine.designer;

import java.util.List;

/**
 * What the properties panel offers: the delegate beans that exist, the departments of the directory, the roles a
 * candidate group may name, and the sign modes ({@code tongban:signMode}).
 */
public record DesignerCatalog(List<String> delegateBeans, List<DepartmentOption> departments, List<String> roles,
                              List<SignModeOption> signModes) {

    /** A department the panel can offer a step to. */
    public record DepartmentOption(String code, String name, String agencyCode) {
    }

    /** A sign mode with its Chinese name (会签/或签/依次). */
    public record SignModeOption(String value, String label, boolean sequential) {
    }
}
