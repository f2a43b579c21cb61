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

    /** Enabled people holding any of the positions (username ignored), sorted. */
    List<String> findMembers(@Param("positions") Collection<PositionRow> positions);

    /** Enabled people with any position in the department, sorted. */
    List<String> findDepartmentMembers(@Param("code") String code);
    Department findDepartment(@Param("code") String code);

    /** Departments of the agency in which someone holds the role, in the agency's order. */
    List<Department> findDepartmentsWithRole(@Param("agencyCode") String agencyCode, @Param("roleName") String roleName);
}
