package org.tongban.engine.directory;

import java.util.List;

/**
 * What one run of {@link IdentityProviderSync} did. Memberships read {@code username → /AGENCY/DEPARTMENT/role};
 * {@code unknownUsers} are the provider's accounts absent from the directory, left untouched for an
 * administrator to decide; {@code failures} name the items that could not be synchronised (the rest were).
 */
public record IdentitySyncReport(List<String> createdRoles, List<String> createdGroups, List<String> updatedGroups,
                                 List<String> createdUsers, List<String> updatedUsers,
                                 List<String> addedMemberships, List<String> removedMemberships,
                                 List<String> unknownUsers, List<String> failures) {

    public IdentitySyncReport {
        createdRoles = List.copyOf(createdRoles);
        createdGroups = List.copyOf(createdGroups);
        updatedGroups = List.copyOf(updatedGroups);
        createdUsers = List.copyOf(createdUsers);
        updatedUsers = List.copyOf(updatedUsers);
        addedMemberships = List.copyOf(addedMemberships);
        removedMemberships = List.copyOf(removedMemberships);
        unknownUsers = List.copyOf(unknownUsers);
        failures = List.copyOf(failures);
    }

    /** Whether the run changed anything on the provider's side. */
    public boolean changed() {
        return !(createdRoles.isEmpty() && createdGroups.isEmpty() && updatedGroups.isEmpty() && createdUsers.isEmpty()
                && updatedUsers.isEmpty() && addedMemberships.isEmpty() && removedMemberships.isEmpty());
    }
}
