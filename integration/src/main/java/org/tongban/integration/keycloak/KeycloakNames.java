package org.tongban.integration.keycloak;

import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.Role;

/**
 * How the directory is spelled in Keycloak. Agencies are top-level groups, departments their subgroups, and a
 * position ({@code department:role}) is a third-level group {@code /AGENCY/DEPARTMENT/role} that grants the
 * realm role of the same name. A person's positions are their memberships in such groups, so a token's
 * {@code groups} claim names them exactly (two roles in two departments cannot be mixed up) and
 * {@code realm_access.roles} follows from the group's role mapping.
 */
final class KeycloakNames {

    /** The group attribute carrying the Chinese name of an agency or department (group names are codes). */
    static final String DISPLAY_NAME = "displayName";

    private KeycloakNames() {
    }

    static String agencyPath(String agencyCode) {
        return "/" + agencyCode;
    }

    static String departmentPath(Department department) {
        return agencyPath(department.agencyCode()) + "/" + department.code();
    }

    static String positionPath(Department department, Role role) {
        return departmentPath(department) + "/" + role.key();
    }

    /**
     * Keycloak wants a first and a last name (else "Account is not fully set up"). A Chinese name is split after
     * its first character, the surname (张丽 → 张 + 丽); by code point, so 𠮷哲 keeps its surname whole.
     * Compound surnames (欧阳) are not recognised: the display name, not this split, is what Tongban shows.
     */
    static String lastName(String displayName) {
        return displayName.codePointCount(0, displayName.length()) < 2 ? displayName
                : displayName.substring(0, displayName.offsetByCodePoints(0, 1));
    }

    static String firstName(String displayName) {
        return displayName.codePointCount(0, displayName.length()) < 2 ? displayName
                : displayName.substring(displayName.offsetByCodePoints(0, 1));
    }
}
