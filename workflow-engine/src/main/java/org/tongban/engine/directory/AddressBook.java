package org.tongban.engine.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.persistence.DirectoryMapper;
import org.tongban.engine.directory.persistence.PositionRow;
import org.tongban.engine.directory.persistence.UserRow;
import org.tongban.engine.platform.InvalidInputException;

/**
 * 通讯录: the cross-agency directory as a tree (province → city → county → agency → department → people) and a
 * search by name, department and phone; who is in a candidate group. Every signed-in person may read it, as in any
 * government address book; disabled people are left out.
 */
@Service
@Transactional(readOnly = true)
public class AddressBook {

    /** Most people a search returns. */
    public static final int SEARCH_LIMIT = 50;

    private final DirectoryMapper mapper;

    public AddressBook(DirectoryMapper mapper) {
        this.mapper = mapper;
    }

    /** The whole tree: the top agencies (those without a parent) with everything below them. */
    public List<DirectoryNode> tree() {
        List<Agency> agencies = mapper.findAgencies();
        Map<String, List<Department>> departments = mapper.findDepartments().stream()
                .collect(Collectors.groupingBy(Department::agencyCode, LinkedHashMap::new, Collectors.toList()));
        List<Contact> contacts = contacts(mapper.findEnabledUsers(), mapper.findEnabledPositions());
        Map<String, List<Contact>> byDepartment = new LinkedHashMap<>();
        for (Contact contact : contacts) {
            contact.positions().stream().map(Contact.Post::departmentCode).distinct()
                    .forEach(d -> byDepartment.computeIfAbsent(d, k -> new ArrayList<>()).add(contact));
        }
        Set<String> codes = agencies.stream().map(Agency::code).collect(Collectors.toSet());
        return agencies.stream().filter(a -> a.parentCode() == null || !codes.contains(a.parentCode()))
                .map(a -> agencyNode(a, agencies, departments, byDepartment)).toList();
    }

    /**
     * People whose name, username, phone, department or agency contains {@code query}, by name; at most
     * {@link #SEARCH_LIMIT}.
     */
    public List<Contact> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 32) {
            throw new InvalidInputException("请输入 1 到 32 个字的姓名、处室或电话", Map.of("q", "1 到 32 个字"));
        }
        String pattern = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<UserRow> users = mapper.searchUsers(pattern, SEARCH_LIMIT);
        if (users.isEmpty()) {
            return List.of();
        }
        return contacts(users, mapper.findPositionsOf(users.stream().map(UserRow::username).toList()));
    }

    /** Contacts by username, for the given usernames (unknown or disabled ones are left out). */
    public Map<String, Contact> contacts(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        List<UserRow> users = mapper.findUsers(usernames).stream().filter(UserRow::enabled).toList();
        if (users.isEmpty()) {
            return Map.of();
        }
        return contacts(users, mapper.findPositionsOf(users.stream().map(UserRow::username).toList())).stream()
                .collect(Collectors.toMap(Contact::username, Function.identity()));
    }

    /**
     * Which of {@code usernames} are enabled people of the directory: one query, for callers that need to know who
     * exists but not their positions ({@link #contacts(Collection)} reads positions, departments and agencies too).
     */
    public Set<String> enabled(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return mapper.findUsers(usernames).stream().filter(UserRow::enabled).map(UserRow::username)
                .collect(Collectors.toSet());
    }

    /**
     * The enabled people of a group: {@code DEPARTMENT:role} (a BPMN candidate group) or a whole
     * {@code DEPARTMENT}.
     */
    public List<String> members(String group) {
        if (group == null || group.isBlank()) {
            return List.of();
        }
        int colon = group.indexOf(':');
        return colon < 0 ? mapper.findDepartmentMembers(group)
                : mapper.findMembers(List.of(new PositionRow(null, group.substring(0, colon), group.substring(colon + 1))));
    }

    private DirectoryNode agencyNode(Agency agency, List<Agency> agencies, Map<String, List<Department>> departments,
                                     Map<String, List<Contact>> people) {
        List<DirectoryNode> children = new ArrayList<>();
        agencies.stream().filter(a -> agency.code().equals(a.parentCode()))
                .forEach(a -> children.add(agencyNode(a, agencies, departments, people)));
        departments.getOrDefault(agency.code(), List.of()).forEach(d -> children.add(new DirectoryNode(
                DirectoryNode.Kind.DEPARTMENT, d.code(), d.name(), null, List.of(),
                people.getOrDefault(d.code(), List.of()))));
        return new DirectoryNode(DirectoryNode.Kind.AGENCY, agency.code(), agency.name(), agency.agencyLevel(),
                children, List.of());
    }

    private List<Contact> contacts(List<UserRow> users, List<PositionRow> positions) {
        Map<String, Department> departments = mapper.findDepartments().stream()
                .collect(Collectors.toMap(Department::code, Function.identity()));
        Map<String, Agency> agencies = mapper.findAgencies().stream()
                .collect(Collectors.toMap(Agency::code, Function.identity()));
        Map<String, List<PositionRow>> byUser = positions.stream()
                .collect(Collectors.groupingBy(PositionRow::username));
        return users.stream().map(u -> new Contact(u.username(), u.displayName(), u.phone(), u.email(),
                byUser.getOrDefault(u.username(), List.of()).stream().map(p -> {
                    Department d = departments.get(p.departmentCode());
                    Agency a = d == null ? null : agencies.get(d.agencyCode());
                    return new Contact.Post(a == null ? null : a.code(), a == null ? null : a.name(),
                            p.departmentCode(), d == null ? p.departmentCode() : d.name(), Role.ofKey(p.roleName()));
                }).sorted(Comparator.comparing(Contact.Post::departmentCode)).toList())).toList();
    }
}
