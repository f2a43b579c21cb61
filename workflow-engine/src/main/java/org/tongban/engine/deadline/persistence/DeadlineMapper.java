package org.tongban.engine.deadline.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The clock tables. */
@Mapper
public interface DeadlineMapper {

    void insert(DeadlineRow row);

    DeadlineRow findById(@Param("id") long id);

    /** The row locked for an update (SELECT … FOR UPDATE), so two transitions of one clock do not interleave. */
    DeadlineRow lockById(@Param("id") long id);

    DeadlineRow findBySubject(@Param("kind") String kind, @Param("subjectId") long subjectId,
                              @Param("part") String part);

    List<DeadlineRow> findAllOfSubject(@Param("kind") String kind, @Param("subjectId") long subjectId);

    List<DeadlineRow> findByIds(@Param("ids") Collection<Long> ids);

    /** Writes the mutable columns (dates, state, pause, warning, raised lights, result). */
    void update(DeadlineRow row);

    void insertPause(PauseRow row);

    void endPause(@Param("deadlineId") long deadlineId, @Param("resumedAt") Instant resumedAt);

    List<PauseRow> findPauses(@Param("deadlineId") long deadlineId);

    List<PauseRow> findPausesOf(@Param("deadlineIds") Collection<Long> deadlineIds);

    void insertStep(DeadlineStepRow row);

    DeadlineStepRow findStepByTask(@Param("taskId") String taskId);

    void leaveStep(@Param("taskId") String taskId, @Param("leftAt") Instant leftAt, @Param("completed") boolean completed,
                   @Param("stepMinutes") long stepMinutes);

    List<DeadlineStepRow> findSteps(@Param("deadlineId") long deadlineId);

    /** The steps of the given tasks (one per task worked under a clock). */
    List<DeadlineStepRow> findStepsOfTasks(@Param("taskIds") Collection<String> taskIds);

    /** Steps not yet left, of the given clocks. */
    List<DeadlineStepRow> findOpenSteps(@Param("deadlineIds") Collection<Long> deadlineIds);

    void setToClose(@Param("id") long stepId, @Param("toCloseMinutes") long toCloseMinutes);

    /**
     * Working minutes from entering a step to the close of its clock, for finished steps of closed clocks of one
     * kind and department, newest first.
     */
    List<Long> findToCloseSamples(@Param("kind") String kind, @Param("departmentCode") String departmentCode,
                                  @Param("activityId") String activityId, @Param("limit") int limit);

    List<DeadlineRow> findOpen(BoardQuery query);

    long countOpen(BoardQuery query);

    /** Clocks closed (not cancelled) in [from, until) of the given kinds and departments (null: all). */
    List<DeadlineRow> findClosedBetween(@Param("from") Instant from, @Param("until") Instant until,
                                        @Param("kinds") Collection<String> kinds,
                                        @Param("agencyCode") String agencyCode,
                                        @Param("departmentCode") String departmentCode,
                                        @Param("departments") Collection<String> departments);

    /** Open clocks past their deadline at {@code now}. */
    List<DeadlineRow> findOpenOverdue(@Param("now") Instant now, @Param("kinds") Collection<String> kinds,
                                      @Param("agencyCode") String agencyCode,
                                      @Param("departmentCode") String departmentCode,
                                      @Param("departments") Collection<String> departments);

    /** Steps completed in [from, until) under clocks of the given kinds and departments, or still open (until null). */
    List<StepSampleRow> findStepsLeftBetween(@Param("from") Instant from, @Param("until") Instant until,
                                             @Param("kinds") Collection<String> kinds,
                                             @Param("agencyCode") String agencyCode,
                                             @Param("departmentCode") String departmentCode,
                                             @Param("departments") Collection<String> departments);

    /** Open steps under open clocks whose due date has passed at {@code now}. */
    List<StepSampleRow> findOpenOverdueSteps(@Param("now") Instant now, @Param("kinds") Collection<String> kinds,
                                             @Param("agencyCode") String agencyCode,
                                             @Param("departmentCode") String departmentCode,
                                             @Param("departments") Collection<String> departments);
}
