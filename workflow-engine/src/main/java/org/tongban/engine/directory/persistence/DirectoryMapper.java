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

    List<Agency> findAgencies();

    List<Department> findDepartments();

    Department findDepartment(@Param("code") String code);

    /** Enabled people holding {@code role} in {@code departmentCode}, or any role there when {@code role} is null. */
    List<String> findMembers(@Param("departmentCode") String departmentCode, @Param("role") String role);

    /** Every enabled person, by username. */
    List<UserRow> findEnabledUsers();

    /** Every position of enabled people. */
    List<PositionRow> findAllPositions();

    /**
     * Enabled people whose name, username or phone, or whose department's or agency's name, contains {@code pattern}
     * (a LIKE pattern with {@code !} as escape character), by name; at most {@code limit}.
     */
    List<UserRow> searchUsers(@Param("pattern") String pattern, @Param("limit") int limit);

    List<PositionRow> findPositionsOf(@Param("usernames") Collection<String> usernames);
}
