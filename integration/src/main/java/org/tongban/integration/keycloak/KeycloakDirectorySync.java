package org.tongban.integration.keycloak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.IdentityProviderSync;
import org.tongban.engine.directory.IdentitySyncReport;
import org.tongban.engine.directory.Person;
import org.tongban.engine.directory.Position;
import org.tongban.engine.directory.Role;
import org.tongban.integration.keycloak.KeycloakAdminClient.GroupRep;
import org.tongban.integration.keycloak.KeycloakAdminClient.UserRep;

/**
 * Pushes the platform directory (the source of truth) into the Keycloak realm: realm roles, a group per agency,
 * department and held position ({@link KeycloakNames}), one user per person with names, e-mail and enabled flag,
 * and memberships equal to the person's positions. Idempotent: a second run changes nothing. Memberships in the
 * directory's group tree that the directory does not hold are removed (a position was taken away); users that
 * the directory does not know are reported, never deleted or disabled, and groups outside that tree are left
 * alone. New users get no password: an administrator sets a temporary one in Keycloak (or sends the
 * "update password" e-mail) and the person chooses their own at first login.
 */
class KeycloakDirectorySync implements IdentityProviderSync {

    private static final Logger log = LoggerFactory.getLogger(KeycloakDirectorySync.class);

    private final DirectoryService directory;
    private final KeycloakAdminClient keycloak;

    KeycloakDirectorySync(DirectoryService directory, KeycloakAdminClient keycloak) {
        this.directory = directory;
        this.keycloak = keycloak;
    }

    @Override
    public synchronized IdentitySyncReport synchronise() {
        Run run = new Run();
        // the sync must push what the tables hold now, not the organisation cached for day-to-day reads
        directory.invalidate();
        List<Agency> agencies = directory.agencies();
        Map<String, Department> departments = directory.departmentsByCode();
        List<Person> people = directory.people();

        Set<String> roles = new LinkedHashSet<>(keycloak.realmRoleNames());
        for (Role role : Role.values()) {
            if (!roles.contains(role.key())) {
                keycloak.createRealmRole(role.key(), "Tongban " + role.key());
                run.createdRoles.add(role.key());
            }
        }

        Map<String, String> groupIds = new HashMap<>();
        for (Agency agency : agencies) {
            ensureGroup(run, groupIds, null, KeycloakNames.agencyPath(agency.code()), agency.code(), attributes(agency),
                    null);
        }
        for (Department department : departments.values()) {
            ensureGroup(run, groupIds, groupIds.get(KeycloakNames.agencyPath(department.agencyCode())),
                    KeycloakNames.departmentPath(department), department.code(),
                    Map.of(KeycloakNames.DISPLAY_NAME, List.of(department.name())), null);
        }
        people.stream().flatMap(p -> p.positions().stream()).distinct().forEach(position -> {
            Department department = departments.get(position.departmentCode());
            ensureGroup(run, groupIds, groupIds.get(KeycloakNames.departmentPath(department)),
                    KeycloakNames.positionPath(department, position.role()), position.role().key(), Map.of(),
                    position.role().key());
        });

        Set<String> managedRoots = agencies.stream().map(a -> KeycloakNames.agencyPath(a.code()) + "/")
                .collect(Collectors.toSet());
        Map<String, UserRep> accounts = new TreeMap<>();
        keycloak.users().forEach(u -> accounts.put(u.username(), u));
        for (Person person : people) {
            // Keycloak keeps usernames in lower case
            UserRep account = accounts.remove(person.username().toLowerCase(Locale.ROOT));
            try {
                String id = account == null ? create(run, person) : update(run, person, account);
                memberships(run, person, id, departments, groupIds, managedRoots);
            } catch (RestClientException e) {
                run.failures.add(person.username() + ": " + e.getMessage());
            }
        }
        run.unknownUsers.addAll(accounts.keySet());

        IdentitySyncReport report = run.report();
        log.info("Keycloak sync: {} roles, {} groups created, {} updated; {} users created, {} updated; "
                        + "{} memberships added, {} removed; unknown to the directory: {}; failures: {}",
                report.createdRoles().size(), report.createdGroups().size(), report.updatedGroups().size(),
                report.createdUsers().size(), report.updatedUsers().size(), report.addedMemberships().size(),
                report.removedMemberships().size(), report.unknownUsers(), report.failures());
        return report;
    }

    private void ensureGroup(Run run, Map<String, String> groupIds, String parentId, String path, String name,
                             Map<String, List<String>> attributes, String realmRole) {
        if (groupIds.containsKey(path)) {
            return;
        }
        try {
            Optional<GroupRep> existing = keycloak.groupByPath(path);
            String id;
            if (existing.isEmpty()) {
                if (parentId == null && path.lastIndexOf('/') > 0) {
                    run.failures.add(path + ": the parent group is missing");
                    return;
                }
                id = keycloak.createGroup(parentId, name, attributes);
                run.createdGroups.add(path);
            } else {
                id = existing.get().id();
                // only the directory's own attributes are compared and written; others set in Keycloak stay
                Map<String, List<String>> current = nonNull(existing.get().attributes());
                Map<String, List<String>> merged = new LinkedHashMap<>(current);
                merged.putAll(attributes);
                if (!merged.equals(current)) {
                    keycloak.updateGroup(id, name, merged);
                    run.updatedGroups.add(path);
                }
            }
            groupIds.put(path, id);
            List<String> mapped = existing.map(GroupRep::realmRoles).orElse(null);
            if (realmRole != null && (mapped == null || !mapped.contains(realmRole))) {
                keycloak.addGroupRealmRole(id, realmRole);
                if (existing.isPresent()) {
                    run.updatedGroups.add(path);
                }
            }
        } catch (RestClientException e) {
            run.failures.add(path + ": " + e.getMessage());
        }
    }

    private String create(Run run, Person person) {
        String id = keycloak.createUser(new UserRep(null, person.username(), KeycloakNames.firstName(person.displayName()),
                KeycloakNames.lastName(person.displayName()), person.email(), person.email() != null,
                person.enabled()));
        run.createdUsers.add(person.username());
        return id;
    }

    private String update(Run run, Person person, UserRep account) {
        String first = KeycloakNames.firstName(person.displayName());
        String last = KeycloakNames.lastName(person.displayName());
        boolean stale = !first.equals(account.firstName()) || !last.equals(account.lastName())
                || person.enabled() != Boolean.TRUE.equals(account.enabled())
                || person.email() != null && !person.email().equalsIgnoreCase(Objects.toString(account.email(), ""));
        if (stale) {
            keycloak.updateUser(account.id(), user -> {
                user.put("firstName", first);
                user.put("lastName", last);
                user.put("enabled", person.enabled());
                if (person.email() != null) {
                    user.put("email", person.email());
                }
            });
            run.updatedUsers.add(person.username());
        }
        return account.id();
    }

    private void memberships(Run run, Person person, String userId, Map<String, Department> departments,
                             Map<String, String> groupIds, Set<String> managedRoots) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Position position : person.positions()) {
            wanted.add(KeycloakNames.positionPath(departments.get(position.departmentCode()), position.role()));
        }
        Map<String, String> current = new LinkedHashMap<>();
        keycloak.userGroups(userId).forEach(g -> current.put(g.path(), g.id()));
        for (String path : wanted) {
            if (!current.containsKey(path)) {
                String groupId = groupIds.get(path);
                if (groupId == null) {
                    run.failures.add(person.username() + " → " + path + ": the group could not be created");
                    continue;
                }
                keycloak.joinGroup(userId, groupId);
                run.addedMemberships.add(person.username() + " → " + path);
            }
        }
        current.forEach((path, groupId) -> {
            boolean managed = managedRoots.stream().anyMatch(path::startsWith);
            if (managed && !wanted.contains(path)) {
                keycloak.leaveGroup(userId, groupId);
                run.removedMemberships.add(person.username() + " → " + path);
            }
        });
    }

    private static Map<String, List<String>> attributes(Agency agency) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(KeycloakNames.DISPLAY_NAME, List.of(agency.name()));
        attributes.put("shortName", List.of(agency.shortName()));
        attributes.put("level", List.of(agency.agencyLevel().name()));
        if (agency.parentCode() != null) {
            attributes.put("parent", List.of(agency.parentCode()));
        }
        return attributes;
    }

    private static Map<String, List<String>> nonNull(Map<String, List<String>> attributes) {
        return attributes == null ? Map.of() : attributes;
    }

    /** The lists one run fills. */
    private static final class Run {
        final List<String> createdRoles = new ArrayList<>();
        final List<String> createdGroups = new ArrayList<>();
        final List<String> updatedGroups = new ArrayList<>();
        final List<String> createdUsers = new ArrayList<>();
        final List<String> updatedUsers = new ArrayList<>();
        final List<String> addedMemberships = new ArrayList<>();
        final List<String> removedMemberships = new ArrayList<>();
        final List<String> unknownUsers = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        IdentitySyncReport report() {
            return new IdentitySyncReport(createdRoles, createdGroups, updatedGroups, createdUsers, updatedUsers,
                    addedMemberships, removedMemberships, unknownUsers, failures);
        }
    }
}
