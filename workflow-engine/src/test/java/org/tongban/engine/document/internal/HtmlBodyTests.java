package org.tongban.engine.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongban.engine.document.internal.HtmlBody.Block;
import org.tongban.engine.document.internal.HtmlBody.BlockType;

class HtmlBodyTests {

    @Test
    void keepsHeadingsParagraphsListsEmphasisAndTablesAndRemovesEverythingActive() {
        String dirty = "<h1 style=\"color:red\" onclick=\"steal()\">工作要求</h1>"
                + "<p>请<b>认真</b>落实，<i>按时</i>报送。<script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">点此</a><img src=x onerror=alert(3)></p>"
                + "<ul><li>第一项</li></ul><table><tr><td colspan=\"2\" onmouseover=\"x()\">单元格</td></tr></table>"
                + "<iframe src=\"https://evil.example\"></iframe><style>p{}</style>";

        String clean = HtmlBody.sanitise(dirty);

        assertThat(clean).contains("<h1>工作要求</h1>", "<b>认真</b>", "<i>按时</i>", "<ul><li>第一项</li></ul>",
                "<td colspan=\"2\">单元格</td>", "点此");
        assertThat(clean).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("javascript")
                .doesNotContainIgnoringCase("iframe").doesNotContainIgnoringCase("style").doesNotContain("<a ")
                .doesNotContain("<img");
    }

    @Test
    void readsTheBodyAsBlocks() {
        List<Block> blocks = HtmlBody.blocks("<p>为做好  食品安全工作，现通知如下：</p><h1>总体要求</h1><h2>工作目标</h2>"
                + "<p>全面<strong>排查</strong>风险。<br>确保安全。</p><ol><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul>"
                + "<table><tr><th>单位</th><th>时间</th></tr><tr><td>市场监管局</td><td>12月</td></tr></table>散文");

        assertThat(blocks).extracting(Block::type, Block::level, Block::ordinal, Block::text).containsExactly(
                tuple(BlockType.PARAGRAPH, 0, 0, "为做好 食品安全工作，现通知如下："),
                tuple(BlockType.HEADING, 1, 0, "总体要求"),
                tuple(BlockType.HEADING, 2, 0, "工作目标"),
                tuple(BlockType.PARAGRAPH, 0, 0, "全面排查风险。"),
                tuple(BlockType.PARAGRAPH, 0, 0, "确保安全。"),
                tuple(BlockType.LIST_ITEM, 0, 1, "甲"),
                tuple(BlockType.LIST_ITEM, 0, 2, "乙"),
                tuple(BlockType.LIST_ITEM, 0, 0, "丙"),
                tuple(BlockType.TABLE_ROW, 0, 0, "单位 时间"),
                tuple(BlockType.TABLE_ROW, 0, 0, "市场监管局 12月"),
                tuple(BlockType.PARAGRAPH, 0, 0, "散文"));
        assertThat(blocks.get(9).cells()).containsExactly("市场监管局", "12月");
        assertThat(HtmlBody.lines("<ol><li>甲</li></ol><ul><li>丙</li></ul><table><tr><td>a</td><td>b</td></tr></table>"))
                .containsExactly("1. 甲", "• 丙", "a | b");
    }
}
