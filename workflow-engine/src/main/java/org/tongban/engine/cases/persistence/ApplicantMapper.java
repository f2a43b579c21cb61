package org.tongban.engine.cases.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The applicant side of a case: verification code, visits, rating, 容缺 deadline, electronic-licence look-ups. */
@Mapper
public interface ApplicantMapper {

    @Select("SELECT id FROM tb_case WHERE case_number = #{caseNumber}")
    Long findCaseId(@Param("caseNumber") String caseNumber);

    @Select("SELECT access_code_hash FROM tb_case WHERE id = #{caseId}")
    String accessCodeHash(@Param("caseId") long caseId);

    @Update("UPDATE tb_case SET access_code_hash = #{hash} WHERE id = #{caseId}")
    void setAccessCodeHash(@Param("caseId") long caseId, @Param("hash") String hash);

    @Update("UPDATE tb_case SET pending_due_at = #{dueAt}, pending_escalated_at = NULL WHERE id = #{caseId}")
    void setPendingDue(@Param("caseId") long caseId, @Param("dueAt") Instant dueAt);

    @Select("SELECT pending_due_at FROM tb_case WHERE id = #{caseId}")
    Instant pendingDue(@Param("caseId") long caseId);

    @Select("SELECT pending_escalated_at FROM tb_case WHERE id = #{caseId}")
    Instant pendingEscalated(@Param("caseId") long caseId);

    /** Cases whose pending materials are due by {@code now}, not escalated yet, with a material still pending. */
    @Select("SELECT c.id FROM tb_case c WHERE c.pending_due_at <= #{now} AND c.pending_escalated_at IS NULL"
            + " AND EXISTS (SELECT 1 FROM tb_case_material m WHERE m.case_id = c.id AND m.status = 'PENDING')"
            + " ORDER BY c.pending_due_at")
    List<Long> findPendingOverdue(@Param("now") Instant now);

    /** Compare-and-set: 1 when this caller escalated the case. */
    @Update("UPDATE tb_case SET pending_escalated_at = #{at} WHERE id = #{caseId} AND pending_escalated_at IS NULL")
    int markPendingEscalated(@Param("caseId") long caseId, @Param("at") Instant at);

    /** The 容缺 ledger: cases with a pending material, optionally of some windows only (null = all). */
    @Select({"<script>SELECT c.id FROM tb_case c WHERE c.pending_due_at IS NOT NULL",
            " AND EXISTS (SELECT 1 FROM tb_case_material m WHERE m.case_id = c.id AND m.status = 'PENDING')",
            "<if test='windows != null'> AND c.window_department IN",
            "<foreach collection='windows' item='w' open='(' separator=',' close=')'>#{w}</foreach></if>",
            " ORDER BY c.pending_due_at, c.id</script>"})
    List<Long> findPendingLedger(@Param("windows") Collection<String> windows);

    @Insert("INSERT INTO tb_case_visit (case_id, purpose, note, recorded_by, occurred_at)"
            + " VALUES (#{caseId}, #{purpose}, #{note}, #{recordedBy}, #{occurredAt})")
    void insertVisit(VisitRow row);

    @Select("SELECT case_id, purpose, note, recorded_by, occurred_at FROM tb_case_visit WHERE case_id = #{caseId}"
            + " ORDER BY occurred_at, id")
    List<VisitRow> findVisits(@Param("caseId") long caseId);

    /**
     * 跑动次数 of the cases closed in [from, to): how many closed, and how many with at most one visit, optionally of
     * some windows only (null = all).
     */
    @Select({"<script>SELECT COUNT(*) AS closed,",
            " COALESCE(SUM(CASE WHEN (SELECT COUNT(*) FROM tb_case_visit v WHERE v.case_id = c.id) &lt;= 1 THEN 1 ELSE 0 END), 0)",
            " AS at_most_one,",
            " COALESCE(SUM((SELECT COUNT(*) FROM tb_case_visit v WHERE v.case_id = c.id)), 0) AS visits",
            " FROM tb_case c WHERE c.status = 'CLOSED' AND c.closed_at &gt;= #{from} AND c.closed_at &lt; #{to}",
            "<if test='windows != null'> AND c.window_department IN",
            "<foreach collection='windows' item='w' open='(' separator=',' close=')'>#{w}</foreach></if>",
            "</script>"})
    VisitCountRow countVisits(@Param("from") Instant from, @Param("to") Instant to,
                              @Param("windows") Collection<String> windows);

    @Insert("INSERT INTO tb_case_rating (case_id, score, comment, traced_activity_id, traced_activity_name,"
            + " traced_department, traced_reason, rated_at) VALUES (#{caseId}, #{score}, #{comment},"
            + " #{tracedActivityId}, #{tracedActivityName}, #{tracedDepartment}, #{tracedReason}, #{ratedAt})")
    void insertRating(RatingRow row);

    @Select("SELECT case_id, score, comment, traced_activity_id, traced_activity_name, traced_department,"
            + " traced_reason, rectification_item_id, rated_at FROM tb_case_rating WHERE case_id = #{caseId}")
    RatingRow findRating(@Param("caseId") long caseId);

    @Update("UPDATE tb_case_rating SET rectification_item_id = #{itemId} WHERE case_id = #{caseId}")
    void setRectification(@Param("caseId") long caseId, @Param("itemId") long itemId);

    @Insert("INSERT INTO tb_elicense_lookup (case_id, matter_code, material_code, license_type, result, license_number,"
            + " issuer, detail, looked_up_by, looked_up_at) VALUES (#{caseId}, #{matterCode}, #{materialCode},"
            + " #{licenseType}, #{result}, #{licenseNumber}, #{issuer}, #{detail}, #{lookedUpBy}, #{lookedUpAt})")
    void insertLookup(LicenseLookupRow row);

    @Select("SELECT case_id, matter_code, material_code, license_type, result, license_number, issuer, detail,"
            + " looked_up_by, looked_up_at FROM tb_elicense_lookup WHERE case_id = #{caseId} ORDER BY id")
    List<LicenseLookupRow> findLookups(@Param("caseId") long caseId);
}
