package org.tongban.engine.cases.persistence;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The case tables. */
@Mapper
public interface CaseMapper {

    void insertCase(CaseRow row);

    CaseRow findCase(@Param("id") long id);

    List<CaseRow> findCases(@Param("ids") Collection<Long> ids);

    void setProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    void setIntakeDecision(@Param("id") long id, @Param("intakeDecision") String intakeDecision);

    void setStatus(@Param("id") long id, @Param("status") String status);

    void setOutcome(@Param("id") long id, @Param("outcome") String outcome);

    void close(@Param("id") long id, @Param("status") String status, @Param("closedAt") java.time.Instant closedAt);

    void insertMatter(CaseMatterRow row);

    List<CaseMatterRow> findMatters(@Param("caseId") long caseId);

    void setMatterDecision(@Param("caseId") long caseId, @Param("matterCode") String matterCode,
                           @Param("decision") String decision);

    void insertMaterial(MaterialRow row);

    List<MaterialRow> findMaterials(@Param("caseId") long caseId);

    int setMaterialStatus(@Param("caseId") long caseId, @Param("matterCode") String matterCode,
                          @Param("materialCode") String materialCode, @Param("status") String status);

    int replaceMaterialStatus(@Param("caseId") long caseId, @Param("from") String from, @Param("to") String to);

    void insertRouting(RoutingRow row);

    void deleteRoutings(@Param("caseId") long caseId);

    List<RoutingRow> findRoutings(@Param("caseId") long caseId);

    void insertReview(ReviewRow row);

    ReviewRow findReview(@Param("caseId") long caseId, @Param("departmentCode") String departmentCode);

    void deleteReviews(@Param("caseId") long caseId);

    List<ReviewRow> findReviews(@Param("caseId") long caseId);

    void updateReview(ReviewRow row);

    void insertStep(StepRow row);

    List<StepRow> findSteps(@Param("caseId") long caseId);
}
