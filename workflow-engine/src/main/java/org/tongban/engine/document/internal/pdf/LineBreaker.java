package org.tongban.engine.document.internal.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a paragraph, given as characters with their advances, into lines of a width, keeping the Chinese
 * typesetting rule 避头尾: closing punctuation never starts a line and opening punctuation never ends one (the
 * character before is pushed down with it instead).
 */
public final class LineBreaker {

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕”’…—%,.;:?!)]}·";
    private static final String NO_LINE_END = "（《「『【〔“‘([{";

    private LineBreaker() {
    }

    /** A line: characters {@code [start, end)} and their natural width. */
    public record Line(int start, int end, float width, boolean last) {
    }

    /**
     * @param characters one string per code point
     * @param advances the advance of each character
     * @param firstWidth the width of the first line (a paragraph's indent makes it shorter)
     * @param width the width of the other lines
     */
    public static List<Line> breakLines(List<String> characters, float[] advances, float firstWidth, float width) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = characters.size();
        while (start < n) {
            float available = lines.isEmpty() ? firstWidth : width;
            float used = 0;
            int end = start;
            while (end < n && used + advances[end] <= available + 0.01f) {
                used += advances[end];
                end++;
            }
            if (end == start) {
                // a single character wider than the line: it goes alone
                end = start + 1;
            } else if (end < n) {
                int adjusted = end;
                // push down the character before a closing punctuation mark, and an opening mark at the end
                while (adjusted - 1 > start && NO_LINE_START.contains(characters.get(adjusted))) {
                    adjusted--;
                }
                while (adjusted - 1 > start && NO_LINE_END.contains(characters.get(adjusted - 1))) {
                    adjusted--;
                }
                end = adjusted;
            }
            float lineWidth = 0;
            for (int i = start; i < end; i++) {
                lineWidth += advances[i];
            }
            lines.add(new Line(start, end, lineWidth, end >= n));
            start = end;
        }
        return lines;
    }

    /** The code points of a text, one string each (a character outside the BMP stays one character). */
    public static List<String> characters(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }
}
