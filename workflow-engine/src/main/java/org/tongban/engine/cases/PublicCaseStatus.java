package org.tongban.engine.cases;

import java.time.Instant;
import java.util.List;

/**
 * What an applicant sees of their case without logging in: where it stands, the current steps and the next step
 * in words, the promised deadline — nothing about the applicant, the officers or the opinions.
 *
 * @param currentSteps e.g. "市场监管局食品经营监管处 · 承办"
 * @param dueAt        the case's promised deadline (承诺时限), null before acceptance and after a refusal
 * @param rated        whether the applicant rated the case already
 * @param canRate      closed and not rated yet
 */
public record PublicCaseStatus(String caseNumber, CaseStatus status, String statusLabel, List<String> currentSteps,
                               String nextStep, Instant dueAt, Instant closedAt, String outcomeLabel, boolean rated,
                               boolean canRate) {
}
