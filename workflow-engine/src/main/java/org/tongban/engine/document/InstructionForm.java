package org.tongban.engine.document;

import java.time.LocalDate;
import java.util.List;

/**
 * 批办: the leader's instruction on an incoming document, the departments that handle it (承办, of the receiving
 * agency), and whether it is to be supervised (督办) by a deadline.
 */
public record InstructionForm(String opinion, List<String> handlingDepartments, boolean supervise,
                              LocalDate supervisionDeadline) {

    public InstructionForm {
        handlingDepartments = handlingDepartments == null ? List.of() : List.copyOf(handlingDepartments);
        opinion = opinion == null ? null : opinion.strip();
    }
}
