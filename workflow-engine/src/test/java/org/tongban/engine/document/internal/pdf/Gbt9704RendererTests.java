package org.tongban.engine.document.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongban.engine.document.internal.HtmlBody;
import org.tongban.engine.document.internal.pdf.PdfProbe.Glyph;
import org.tongban.engine.document.internal.pdf.PdfProbe.Rule;

/**
 * The GB/T 9704-2012 layout, checked by reading the PDF back with PDFBox: page size, margins, the 22 × 28 grid,
 * the red issuing-authority mark and rule, the number, title, recipients, headings, signature, colophon and page
 * numbers. Needs the open fonts bin/test installs (fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei).
 */
class Gbt9704RendererTests {

    private static final float TOLERANCE = 1.0f;
    private static final float LEFT = 28f;
    private static final float RIGHT = 28f + 156f;
    private static final float TOP = 37f;
    private static final float BOTTOM = 37f + 225f;
    private static final float PITCH = 225f / 22;
    /** 28 characters a line, no punctuation: every full line holds exactly 28. */
    private static final String FILLER = "公文格式国家标准规定版心每面排二十二行每行排二十八个字并撑满版心";

    private static PdfProbe pdf;
    private static byte[] bytes;

    @BeforeAll
    static void render() throws IOException {
        StringBuilder body = new StringBuilder("<p>为切实做好冬季食品安全工作，保障人民群众饮食安全，现就有关事项通知如下。</p>")
                .append("<h1>总体要求</h1><h2>工作目标</h2><p>全面排查风险隐患。</p><h3>排查范围</h3><h4>重点场所</h4>");
        for (int i = 0; i < 12; i++) {
            body.append("<p>").append(FILLER.repeat(3)).append("</p>");
        }
        PrintedDocument doc = new PrintedDocument("000001", "机密", "特急", "杭州市市场监督管理局文件",
                "杭市监〔2026〕12号", null, "关于开展2026年冬季食品安全专项检查的通知",
                List.of("杭州市消防救援支队", "杭州市生态环境局"), HtmlBody.blocks(body.toString()),
                List.of("检查表.xlsx", "联系人名单.docx"), "杭州市市场监督管理局", LocalDate.of(2026, 11, 23),
                List.of("杭州市人民政府办公厅", "杭州市城市管理局"), "杭州市市场监督管理局办公室", LocalDate.of(2026, 11, 24));
        bytes = Gbt9704Renderer.render(doc, new PdfFonts(
                "/usr/share/fonts/truetype/arphic/uming.ttc#UMingCN",
                "/usr/share/fonts/truetype/arphic/ukai.ttc#UKaiCN",
                "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei"));
        pdf = new PdfProbe(bytes);
        // kept for a look by eye: pdftoppm -png target/gbt9704-sample.pdf
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "gbt9704-sample.pdf"), bytes);
    }

    @Test
    void isA4WithTheTextOfTheDocument() {
        assertThat(pdf.pageWidth).isCloseTo(210f, within(0.1f));
        assertThat(pdf.pageHeight).isCloseTo(297f, within(0.1f));
        assertThat(pdf.pages).isGreaterThanOrEqualTo(2);
        assertThat(pdf.text).contains("杭州市市场监督管理局文件", "杭市监〔2026〕12号", "关于开展2026年冬季食品安全专项检查的通知",
                "杭州市消防救援支队、杭州市生态环境局：", "一、总体要求", "（一）工作目标", "1.排查范围", "（1）重点场所",
                "附件：1.检查表", "2.联系人名单", "2026年11月23日", "抄送：杭州市人民政府办公厅，杭州市城市管理局。",
                "杭州市市场监督管理局办公室", "2026年11月24日印发", "— 1 —", "— 2 —", "000001", "机密", "特急");
    }

    @Test
    void putsCopyNumberClassificationAndUrgencyTopLeftOnTheFirstLines() {
        Glyph copy = pdf.find(1, "000001").get(0);
        Glyph secret = pdf.find(1, "机密").get(0);
        Glyph urgent = pdf.find(1, "特急").get(0);
        assertThat(List.of(copy.x(), secret.x(), urgent.x())).allSatisfy(x -> assertThat(x).isCloseTo(LEFT, within(0.3f)));
        assertThat(copy.baseline()).isBetween(TOP, TOP + PITCH);
        assertThat(secret.baseline()).isBetween(TOP + PITCH, TOP + 2 * PITCH);
        assertThat(urgent.baseline()).isBetween(TOP + 2 * PITCH, TOP + 3 * PITCH);
        assertThat(secret.font()).containsIgnoringCase("ZenHei");
    }

    @Test
    void drawsTheIssuingAuthorityMarkInRedCentred35mmBelowTheTextArea() {
        List<Glyph> mark = pdf.find(1, "杭州市市场监督管理局文件");
        assertThat(mark).allSatisfy(g -> assertThat(g.red()).as("%s is red", g.text()).isTrue());
        float left = mark.get(0).x();
        float right = mark.get(mark.size() - 1).right();
        assertThat((left + right) / 2).isCloseTo(105f, within(TOLERANCE));
        assertThat(right - left).isLessThanOrEqualTo(156f + 0.1f);
        assertThat(mark.get(0).top()).isCloseTo(TOP + 35f, within(TOLERANCE));
        // at most 15 mm a character
        assertThat(mark.get(0).size() / PdfProbe.MM).isLessThanOrEqualTo(15.01f);
    }

    @Test
    void putsTheNumberTwoLinesBelowTheMarkAndTheRedRule4mmBelowIt() {
        List<Glyph> mark = pdf.find(1, "杭州市市场监督管理局文件");
        List<Glyph> number = pdf.find(1, "杭市监〔2026〕12号");
        assertThat(number).noneMatch(Glyph::red);
        float centre = (number.get(0).x() + number.get(number.size() - 1).right()) / 2;
        assertThat(centre).isCloseTo(105f, within(TOLERANCE));
        assertThat(number.get(0).baseline() - mark.get(0).baseline()).isBetween(2 * PITCH, 4 * PITCH);

        Rule red = pdf.rules.stream().filter(r -> r.page() == 1 && isRed(r.rgb())).findFirst().orElseThrow();
        assertThat(red.left()).isCloseTo(LEFT, within(0.1f));
        assertThat(red.width()).isCloseTo(156f, within(0.1f));
        assertThat(red.top() - number.get(0).baseline()).as("rule below the number").isBetween(4f, 6f);
        assertThat(pdf.rules).filteredOn(r -> isRed(r.rgb())).hasSize(1);
    }

    @Test
    void setsTheTitleIn22ptTwoLinesBelowTheRuleAndTheRecipientsFlushLeft() {
        Rule red = pdf.rules.stream().filter(r -> isRed(r.rgb())).findFirst().orElseThrow();
        List<Glyph> title = pdf.find(1, "关于开展");
        assertThat(title.get(0).size()).isCloseTo(22f, within(0.01f));
        assertThat(title.get(0).baseline() - red.top()).isBetween(2 * PITCH, 4 * PITCH);
        Glyph recipients = pdf.find(1, "杭州市消防救援支队、").get(0);
        assertThat(recipients.x()).isCloseTo(LEFT, within(0.3f));
        assertThat(recipients.size()).isCloseTo(16f, within(0.01f));
    }

    @Test
    void fillsEveryFullPageWith22LinesOf28CharactersInsideTheMargins() {
        Map<Float, List<Glyph>> lines = new TreeMap<>(pdf.on(2).stream()
                .filter(g -> g.size() == 16f)
                .collect(Collectors.groupingBy(g -> Math.round(g.baseline() * 10) / 10f)));
        assertThat(lines).hasSize(22);
        List<Float> baselines = List.copyOf(lines.keySet());
        assertThat(baselines.get(0)).isBetween(TOP, TOP + PITCH);
        assertThat(baselines.get(21)).isBetween(BOTTOM - PITCH, BOTTOM);
        assertThat(baselines.get(1) - baselines.get(0)).isCloseTo(PITCH, within(0.05f));
        int full = 0;
        for (List<Glyph> line : lines.values()) {
            assertThat(line).hasSizeLessThanOrEqualTo(28);
            assertThat(line.get(line.size() - 1).right()).isLessThanOrEqualTo(RIGHT + 0.3f);
            if (line.get(0).x() > LEFT + 1) {
                assertThat(line.get(0).x()).as("indented two characters").isCloseTo(LEFT + 2 * 156f / 28, within(0.3f));
            } else {
                assertThat(line.get(0).x()).isCloseTo(LEFT, within(0.3f));
            }
            if (line.size() == 28) { // a full line: justified to the right margin
                full++;
                assertThat(line.get(line.size() - 1).right()).isCloseTo(RIGHT, within(0.3f));
            }
        }
        assertThat(full).as("full lines on the page").isGreaterThanOrEqualTo(11);
    }

    @Test
    void setsFirstLevelHeadingsInHeiAndSecondLevelInKai() {
        assertThat(pdf.find(1, "一、总体要求").get(0).font()).containsIgnoringCase("ZenHei");
        assertThat(pdf.find(1, "（一）工作目标").get(0).font()).containsIgnoringCase("UKai");
        assertThat(pdf.find(1, "1.排查范围").get(0).font()).containsIgnoringCase("UMing");
        assertThat(pdf.find(1, "一、总体要求").get(0).x()).isCloseTo(LEFT + 2 * 156f / 28, within(0.3f));
    }

    @Test
    void endsWithSignatureDateAndColophonOnTheLastPage() {
        int last = pdf.pages;
        List<Glyph> date = pdf.find(last, "2026年11月23日");
        assertThat(date.get(date.size() - 1).right()).as("four characters from the right")
                .isCloseTo(RIGHT - 4 * 156f / 28, within(TOLERANCE));
        List<Glyph> signature = pdf.find(last, "杭州市市场监督管理局");
        float signatureCentre = (signature.get(0).x() + signature.get(signature.size() - 1).right()) / 2;
        float dateCentre = (date.get(0).x() + date.get(date.size() - 1).right()) / 2;
        assertThat(signatureCentre).isCloseTo(dateCentre, within(TOLERANCE));
        assertThat(signature.get(0).baseline()).isLessThan(date.get(0).baseline());

        List<Rule> black = pdf.rules.stream().filter(r -> r.page() == last && !isRed(r.rgb())).toList();
        assertThat(black).hasSize(3).allSatisfy(r -> {
            assertThat(r.left()).isCloseTo(LEFT, within(0.1f));
            assertThat(r.width()).isCloseTo(156f, within(0.1f));
        });
        Rule lastRule = black.stream().max((a, b) -> Float.compare(a.top(), b.top())).orElseThrow();
        assertThat(lastRule.top() + lastRule.height()).as("the last rule on the text area's bottom edge")
                .isCloseTo(BOTTOM, within(0.1f));
        Glyph copyTo = pdf.find(last, "抄送：").get(0);
        assertThat(copyTo.size()).isCloseTo(14f, within(0.01f));
        assertThat(copyTo.baseline()).isGreaterThan(date.get(0).baseline());
        List<Glyph> printed = pdf.find(last, "2026年11月24日印发");
        assertThat(printed.get(printed.size() - 1).right()).isCloseTo(RIGHT - 14f / PdfProbe.MM, within(TOLERANCE));
    }

    @Test
    void numbersPagesBelowTheTextAreaRightOnOddAndLeftOnEvenPages() {
        Glyph one = pdf.find(1, "— 1 —").get(0);
        List<Glyph> oneAll = pdf.find(1, "— 1 —");
        assertThat(one.top()).isCloseTo(BOTTOM + 7f, within(TOLERANCE));
        assertThat(oneAll.get(oneAll.size() - 1).right()).isCloseTo(RIGHT - 14f / PdfProbe.MM, within(TOLERANCE));
        Glyph two = pdf.find(2, "— 2 —").get(0);
        assertThat(two.x()).isCloseTo(LEFT + 14f / PdfProbe.MM, within(TOLERANCE));
        assertThat(one.size()).isCloseTo(14f, within(0.01f));
    }

    @Test
    void embedsItsFonts() throws Exception {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDResources resources = document.getPage(0).getResources();
            assertThat(resources.getFontNames()).isNotEmpty();
            for (COSName name : resources.getFontNames()) {
                assertThat(resources.getFont(name).isEmbedded()).as("font %s embedded", name).isTrue();
            }
        }
        assertThat(bytes.length).as("fonts subset, not whole").isLessThan(2_000_000);
    }

    private static boolean isRed(float[] rgb) {
        return rgb[0] > 0.8f && rgb[1] < 0.2f && rgb[2] < 0.2f;
    }
}
