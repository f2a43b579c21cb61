package org.tongban.engine.document.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongban.engine.document.internal.HtmlBody;
import org.tongban.engine.platform.UnavailableException;

/** Without its open CJK font the PDF says what is missing and how to get it; lesser fonts fall back. */
class PdfFontsTests {

    private static final String SONG = "/usr/share/fonts/truetype/arphic/uming.ttc#UMingCN";

    @Test
    void namesTheMissingFontAndItsDebianPackage() {
        PdfFonts fonts = new PdfFonts("/nowhere/uming.ttc#UMingCN", "/nowhere/ukai.ttc#UKaiCN", "/nowhere/zenhei.ttc");

        assertThat(fonts.available()).isFalse();
        assertThat(fonts.missing()).hasSize(3).anySatisfy(m -> assertThat(m).contains("fonts-arphic-uming"));
        assertThatThrownBy(() -> Gbt9704Renderer.render(aLetter(), fonts))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("缺少公文版式所需的中文字体")
                .hasMessageContaining("fonts-arphic-uming");
    }

    @Test
    void drawsHeadingsInTheBodyFontWhenKaiAndHeiAreMissing() {
        PdfFonts fonts = new PdfFonts(SONG, "/nowhere/ukai.ttc#UKaiCN", "/nowhere/zenhei.ttc#WenQuanYiZenHei");

        PdfProbe pdf = new PdfProbe(Gbt9704Renderer.render(aLetter(), fonts));

        assertThat(fonts.available()).isTrue();
        assertThat(pdf.find(1, "一、总体要求").get(0).font()).containsIgnoringCase("UMing");
        assertThat(pdf.text).contains("杭州市市场监督管理局", "杭市监函〔2026〕3号", "签发人", "孙伟");
        assertThat(pdf.find(1, "杭市监函").get(0).x()).as("上行文: the number moves left of the 签发人")
                .isCloseTo(28f + 156f / 28, org.assertj.core.api.Assertions.within(0.3f));
    }

    private static PrintedDocument aLetter() {
        return new PrintedDocument(null, null, null, "杭州市市场监督管理局", "杭市监函〔2026〕3号", "孙伟",
                "关于商请协助开展联合检查的函", List.of("杭州市消防救援支队"),
                HtmlBody.blocks("<p>现商请贵支队协助。</p><h1>总体要求</h1><p>请予支持。</p>"), List.of(),
                "杭州市市场监督管理局", LocalDate.of(2026, 11, 23), List.of(), "杭州市市场监督管理局办公室",
                LocalDate.of(2026, 11, 23));
    }
}
