package org.tongban.engine.directory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The person on whose behalf a service call runs, with everything authorisation needs. Built by the adapter
 * that authenticated the request (built-in login or Keycloak) from the directory.
 */
public record Actor(String username, String displayName, List<Position> positions) {

    public Actor {
        positions = List.copyOf(positions);
    }

    /** Candidate groups this person answers to. */
    public Set<String> groups() {
        return positions.stream().map(Position::group).collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> departments() {
        return positions.stream().map(Position::departmentCode).collect(Collectors.toUnmodifiableSet());
    }

    public Set<Role> roles() {
        return positions.stream().map(Position::role).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(Role role) {
        return positions.stream().anyMatch(p -> p.role() == role);
    }

    public boolean hasRoleIn(String departmentCode, Role role) {
        return positions.contains(new Position(departmentCode, role));
    }

    public boolean worksIn(String departmentCode) {
        return positions.stream().anyMatch(p -> p.departmentCode().equals(departmentCode));
    }
}
