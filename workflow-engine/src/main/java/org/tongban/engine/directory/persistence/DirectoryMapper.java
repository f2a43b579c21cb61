package org.tongban.engine.directory.persistence;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.Department;

/** Reads and writes the directory tables. */
@Mapper
public interface DirectoryMapper {

    void insertAgency(Agency agency);

    void insertDepartment(Department department);

    void insertUser(UserRow user);

    void insertPosition(PositionRow position);

    long countUsers();

    UserRow findUser(@Param("username") String username);

    List<PositionRow> findPositions(@Param("username") String username);

    List<UserRow> findUsers(@Param("usernames") Collection<String> usernames);

    /** Everyone, disabled people included, by username. */
    List<UserRow> findAllUsers();

    /** Every position of every person. */
    List<PositionRow> findAllPositions();

    List<Agency> findAgencies();

    List<Department> findDepartments();

    Department findDepartment(@Param("code") String code);

    /** Every enabled person, by username. */
    List<UserRow> findEnabledUsers();

    /** Every position of enabled people, by department, role and username. */
    List<PositionRow> findEnabledPositions();

    /**
     * Enabled people whose name, username or phone, or whose department's or agency's name, contains {@code pattern}
     * (a LIKE pattern with {@code !} as escape character), by name; at most {@code limit}.
     */
    List<UserRow> searchUsers(@Param("pattern") String pattern, @Param("limit") int limit);

    List<PositionRow> findPositionsOf(@Param("usernames") Collection<String> usernames);

    /** Enabled people holding any of the positions (username ignored), sorted. */
    List<String> findMembers(@Param("positions") Collection<PositionRow> positions);

    /** Enabled people with any position in the department, sorted. */
    List<String> findDepartmentMembers(@Param("code") String code);

    /** Departments of the agency in which someone holds the role, in the agency's order. */
    List<Department> findDepartmentsWithRole(@Param("agencyCode") String agencyCode, @Param("roleName") String roleName);
}
