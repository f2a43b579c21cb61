package org.tongban.engine.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongban.engine.document.DocumentDiff;
import org.tongban.engine.document.DocumentDiff.Line;
import org.tongban.engine.document.DocumentDiff.Op;
import org.tongban.engine.document.DocumentDiff.Segment;

class TextDiffTests {

    @Test
    void comparesLineByLineAndChangedLinesCharacterByCharacter() {
        List<String> before = List.of("各区县市场监管局：", "请于12月1日前报送。", "逾期不报的予以通报。");
        List<String> after = List.of("各区县市场监管局：", "请于12月15日前报送材料。", "联系人：李强", "");

        DocumentDiff diff = TextDiff.diff(7, 1, 2, "关于开展检查的通知", "关于开展专项检查的通知", before, after);

        assertThat(diff.lines()).extracting(Line::op, Line::oldNumber, Line::newNumber).containsExactly(
                tuple(Op.EQUAL, 1, 1), tuple(Op.CHANGE, 2, 2), tuple(Op.CHANGE, 3, 3), tuple(Op.INSERT, null, 4));
        assertThat(diff.lines().get(1).segments()).containsExactly(
                new Segment(Op.EQUAL, "请于12月"), new Segment(Op.DELETE, "1"), new Segment(Op.INSERT, "15"),
                new Segment(Op.EQUAL, "日前报送"), new Segment(Op.INSERT, "材料"), new Segment(Op.EQUAL, "。"));
        assertThat(diff.changedLines()).isEqualTo(2);
        assertThat(diff.insertedLines()).isEqualTo(1);
        assertThat(diff.deletedLines()).isZero();
    }

    @Test
    void comparesLatinTextWordByWordAndReportsDeletedLines() {
        List<Line> lines = TextDiff.lines(List.of("keep", "the old wording here", "gone"), List.of("keep",
                "the new wording here"));

        assertThat(lines).extracting(Line::op).containsExactly(Op.EQUAL, Op.CHANGE, Op.DELETE);
        assertThat(lines.get(1).segments()).containsExactly(new Segment(Op.EQUAL, "the "),
                new Segment(Op.DELETE, "old"), new Segment(Op.INSERT, "new"), new Segment(Op.EQUAL, " wording here"));
        assertThat(lines.get(2).oldText()).isEqualTo("gone");
    }
}
