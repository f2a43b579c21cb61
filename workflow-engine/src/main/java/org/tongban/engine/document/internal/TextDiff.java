package org.tongban.engine.document.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongban.engine.document.DocumentDiff;
import org.tongban.engine.document.DocumentDiff.Line;
import org.tongban.engine.document.DocumentDiff.Op;
import org.tongban.engine.document.DocumentDiff.Segment;

/** Line and word differences (java-diff-utils, Myers' algorithm) between two texts given as lines. */
public final class TextDiff {

    /** A word of Latin letters or digits, a run of spaces, or any other single character (a Chinese character). */
    private static final Pattern TOKEN = Pattern.compile("[\\p{IsLatin}\\p{Nd}_]+|\\s+|.", Pattern.DOTALL);

    private TextDiff() {
    }

    /** The lines of the comparison, in the order of the new text with deletions where they were. */
    public static List<Line> lines(List<String> before, List<String> after) {
        List<Line> lines = new ArrayList<>();
        int oldIndex = 0;
        int newIndex = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            Chunk<String> source = delta.getSource();
            Chunk<String> target = delta.getTarget();
            while (oldIndex < source.getPosition()) {
                lines.add(new Line(Op.EQUAL, oldIndex + 1, newIndex + 1, before.get(oldIndex), after.get(newIndex),
                        List.of()));
                oldIndex++;
                newIndex++;
            }
            int paired = Math.min(source.size(), target.size());
            for (int i = 0; i < paired; i++) {
                String oldText = source.getLines().get(i);
                String newText = target.getLines().get(i);
                lines.add(new Line(Op.CHANGE, oldIndex + 1, newIndex + 1, oldText, newText, words(oldText, newText)));
                oldIndex++;
                newIndex++;
            }
            for (int i = paired; i < source.size(); i++) {
                lines.add(new Line(Op.DELETE, oldIndex + 1, null, source.getLines().get(i), null, List.of()));
                oldIndex++;
            }
            for (int i = paired; i < target.size(); i++) {
                lines.add(new Line(Op.INSERT, null, newIndex + 1, null, target.getLines().get(i), List.of()));
                newIndex++;
            }
        }
        while (oldIndex < before.size()) {
            lines.add(new Line(Op.EQUAL, oldIndex + 1, newIndex + 1, before.get(oldIndex), after.get(newIndex),
                    List.of()));
            oldIndex++;
            newIndex++;
        }
        return lines;
    }

    /** The word-level segments turning {@code before} into {@code after}; neighbouring runs of one kind merged. */
    public static List<Segment> words(String before, String after) {
        List<String> oldTokens = tokens(before);
        List<String> newTokens = tokens(after);
        List<Segment> segments = new ArrayList<>();
        int oldIndex = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldTokens, newTokens).getDeltas()) {
            while (oldIndex < delta.getSource().getPosition()) {
                add(segments, Op.EQUAL, oldTokens.get(oldIndex++));
            }
            for (String token : delta.getSource().getLines()) {
                add(segments, Op.DELETE, token);
                oldIndex++;
            }
            for (String token : delta.getTarget().getLines()) {
                add(segments, Op.INSERT, token);
            }
        }
        while (oldIndex < oldTokens.size()) {
            add(segments, Op.EQUAL, oldTokens.get(oldIndex++));
        }
        return segments;
    }

    /** Summary counts of a comparison. */
    public static DocumentDiff diff(long documentId, int from, int to, String fromTitle, String toTitle,
                                    List<String> before, List<String> after) {
        List<Line> lines = lines(before, after);
        return new DocumentDiff(documentId, from, to, fromTitle, toTitle, lines,
                (int) lines.stream().filter(l -> l.op() == Op.INSERT).count(),
                (int) lines.stream().filter(l -> l.op() == Op.DELETE).count(),
                (int) lines.stream().filter(l -> l.op() == Op.CHANGE).count());
    }

    private static void add(List<Segment> segments, Op op, String token) {
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).op() == op) {
            segments.set(last, new Segment(op, segments.get(last).text() + token));
        } else {
            segments.add(new Segment(op, token));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
