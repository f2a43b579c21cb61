package org.tongban.engine.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Published (synchronously, inside the transaction of the 批办 step) when a leader instructs on an incoming
 * document. This is the seam for supervision: a listener that opens a 督办事项 when {@code supervise} is set does
 * so in the same transaction, so "a leader's instruction opens a supervision item in one step" holds; if it
 * throws, the instruction is not taken either.
 */
public record LeaderInstructed(long documentId, String agencyCode, String title, String number, String instruction,
                               List<String> handlingDepartments, boolean supervise, LocalDate supervisionDeadline,
                               String leader, Instant instructedAt) {
}
