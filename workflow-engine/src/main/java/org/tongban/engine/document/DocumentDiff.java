package org.tongban.engine.document;

import java.util.List;

/**
 * What changed between two versions of a document, for the UI to show side by side or inline: the body as
 * lines (one per paragraph, heading, list item or table row), each EQUAL, INSERT, DELETE or CHANGE; a changed
 * line carries its word-level segments (Chinese is compared character by character, other scripts by word).
 */
public record DocumentDiff(long documentId, int fromVersion, int toVersion, String fromTitle, String toTitle,
                           List<Line> lines, int insertedLines, int deletedLines, int changedLines) {

    public enum Op { EQUAL, INSERT, DELETE, CHANGE }

    /**
     * One line of the comparison; the numbers are 1-based line numbers in the old and new text (null where the
     * line does not exist on that side).
     */
    public record Line(Op op, Integer oldNumber, Integer newNumber, String oldText, String newText,
                       List<Segment> segments) {
    }

    /** A run of a changed line: EQUAL, DELETE (only in the old text) or INSERT (only in the new). */
    public record Segment(Op op, String text) {
    }
}
