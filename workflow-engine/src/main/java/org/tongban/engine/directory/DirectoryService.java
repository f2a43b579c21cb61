package org.tongban.engine.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.persistence.DirectoryMapper;
import org.tongban.engine.directory.persistence.PositionRow;
import org.tongban.engine.directory.persistence.UserRow;

/** Reads the cross-agency directory. */
@Service
@Transactional(readOnly = true)
public class DirectoryService {

    private final DirectoryMapper mapper;
    /** The organisation (agencies are few, departments some hundreds) is read on every list; people are not cached. */
    private volatile List<Department> departments;

    public DirectoryService(DirectoryMapper mapper) {
        this.mapper = mapper;
    }

    /** Drops the cached organisation; call after changing agencies or departments. */
    public void invalidate() {
        departments = null;
    }

    /** The enabled person {@code username} as an actor, or empty when unknown or disabled. */
    public Optional<Actor> findActor(String username) {
        UserRow user = mapper.findUser(username);
        if (user == null || !user.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new Actor(user.username(), user.displayName(), positions(username)));
    }

    /** Display names by username; unknown usernames are left out. */
    public Map<String, String> displayNames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return mapper.findUsers(usernames).stream()
                .collect(Collectors.toMap(UserRow::username, UserRow::displayName));
    }

    /** Everyone in the directory, disabled people included, with their positions; no credentials. */
    public List<Person> people() {
        Map<String, List<Position>> positions = mapper.findAllPositions().stream()
                .collect(Collectors.groupingBy(PositionRow::username,
                        Collectors.mapping(DirectoryService::toPosition, Collectors.toList())));
        return mapper.findAllUsers().stream()
                .map(u -> new Person(u.username(), u.displayName(), u.phone(), u.email(), u.enabled(),
                        positions.getOrDefault(u.username(), List.of())))
                .toList();
    }

    public List<Agency> agencies() {
        return mapper.findAgencies();
    }

    public List<Department> departments() {
        List<Department> current = departments;
        if (current == null) {
            current = List.copyOf(mapper.findDepartments());
            departments = current;
        }
        return current;
    }

    /** Departments by code, for labelling lists without one query per row. */
    public Map<String, Department> departmentsByCode() {
        return departments().stream().collect(Collectors.toMap(Department::code, Function.identity()));
    }

    public Optional<Department> department(String code) {
        return departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /**
     * The enabled people answering to any of the candidate groups ({@code department:role}), sorted; malformed
     * group names are ignored.
     */
    public List<String> members(Collection<String> groups) {
        List<PositionRow> positions = groups.stream().filter(g -> g != null && g.indexOf(':') > 0)
                .map(g -> new PositionRow(null, g.substring(0, g.indexOf(':')), g.substring(g.indexOf(':') + 1)))
                .toList();
        return positions.isEmpty() ? List.of() : mapper.findMembers(positions);
    }

    /** The enabled people with a position in the department, sorted. */
    public List<String> membersOf(String departmentCode) {
        return mapper.findDepartmentMembers(departmentCode);
    }

    public Optional<Agency> agency(String code) {
        return agencies().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /**
     * Departments of the agency in which someone holds the role: e.g. the office (办公室) of an agency is its
     * department with {@link Role#OFFICE} positions.
     */
    public List<Department> departmentsWithRole(String agencyCode, Role role) {
        return mapper.findDepartmentsWithRole(agencyCode, role.key());
    }

    private List<Position> positions(String username) {
        return mapper.findPositions(username).stream()
                .map(DirectoryService::toPosition)
                .toList();
    }

    private static Position toPosition(PositionRow row) {
        return new Position(row.departmentCode(), Role.ofKey(row.roleName()));
    }
}
