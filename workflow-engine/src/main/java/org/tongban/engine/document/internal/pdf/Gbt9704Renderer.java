package org.tongban.engine.document.internal.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.tongban.engine.document.internal.HtmlBody;

/**
 * Lays a document out as GB/T 9704-2012 《党政机关公文格式》 prescribes for the 文件格式: A4; 天头 37 mm, 订口
 * 28 mm, 版心 156 × 225 mm of 22 lines × 28 characters of 3号 (16 pt) text; the red 发文机关标志 centred with its
 * top 35 mm below the 版心; the 发文字号 two lines below it; the red rule 4 mm below that, as wide as the 版心;
 * the 2号 (22 pt) title two lines below the rule; 主送; the body with paragraphs indented two characters and the
 * four heading levels 一、（一）1.（1）(黑体, 楷体, 仿宋, 仿宋); 附件说明; 发文机关署名 and 成文日期 (right, four
 * characters in); the 版记 (抄送, 印发) closing the last page with thick–thin–thick rules; page numbers "— n —"
 * 7 mm below the 版心, right on odd pages and left on even ones. One instance renders one document.
 */
public final class Gbt9704Renderer {

    static final float MM = PdfCanvas.MM;
    static final float TOP = 37 * MM;
    static final float LEFT = 28 * MM;
    static final float TEXT_WIDTH = 156 * MM;
    static final float TEXT_HEIGHT = 225 * MM;
    static final int LINES = 22;
    static final int CHARACTERS = 28;
    static final float PITCH = TEXT_HEIGHT / LINES;
    static final float BODY = 16f;
    static final float TITLE = 22f;
    static final float SMALL = 14f;
    /** 28 characters of 3号 fill the 156 mm exactly: each is drawn 98.7 % wide. */
    static final float CELL = TEXT_WIDTH / CHARACTERS;
    static final float BODY_SCALE = CELL / BODY;
    static final float MARK_TOP = TOP + 35 * MM;
    static final float MARK_MAX = 15 * MM;
    static final Color RED = new Color(230, 0, 18);
    static final Color BLACK = Color.BLACK;
    private static final Pattern NUMBERED = Pattern.compile(
            "^([一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）|\\d+[.．]|（\\d+）).*");
    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private final PdfFonts.Loaded fonts;
    private final PdfCanvas canvas;
    private int page;
    /** The next free line of the 版心 on the current page (0–21). */
    private int line;
    private final int[] headingCounters = new int[5];

    private Gbt9704Renderer(PDDocument document, PdfFonts.Loaded fonts) {
        this.fonts = fonts;
        this.canvas = new PdfCanvas(document, fonts);
    }

    /** The PDF of the document; the fonts come from {@code pdfFonts} and are embedded as subsets. */
    public static byte[] render(PrintedDocument doc, PdfFonts pdfFonts) {
        try (PDDocument document = new PDDocument(); PdfFonts.Loaded fonts = pdfFonts.load(document)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(doc.title());
            info.setSubject(doc.number());
            info.setCreator("Tongban 通办 (GB/T 9704-2012)");
            new Gbt9704Renderer(document, fonts).layOut(doc);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void layOut(PrintedDocument doc) {
        newPage();
        float ruleTop = header(doc);
        line = (int) Math.ceil((ruleTop - TOP) / PITCH) + 2;
        title(doc.title());
        line++;
        if (!doc.mainRecipients().isEmpty()) {
            paragraph(String.join("、", doc.mainRecipients()) + "：", fonts.song(), 0, false);
        }
        body(doc.body());
        attachments(doc.attachmentNames());
        signature(doc.signature(), doc.date());
        colophon(doc);
        finishPage();
        canvas.close();
    }

    /** 份号, 密级, 紧急程度, 发文机关标志, 发文字号 (with 签发人 for 上行文) and the red rule; returns the rule's top. */
    private float header(PrintedDocument doc) {
        int marks = 0;
        if (doc.copyNumber() != null) {
            canvas.text(doc.copyNumber(), LEFT, baseline(marks++, BODY), fonts.song(), BODY, BLACK);
        }
        if (doc.classification() != null) {
            canvas.text(doc.classification(), LEFT, baseline(marks++, BODY), fonts.hei(), BODY, BLACK);
        }
        if (doc.urgency() != null) {
            canvas.text(doc.urgency(), LEFT, baseline(marks, BODY), fonts.hei(), BODY, BLACK);
        }
        List<String> mark = LineBreaker.characters(doc.issuingMark());
        float markSize = Math.min(MARK_MAX, TEXT_WIDTH / mark.size());
        float markWidth = canvas.width(doc.issuingMark(), fonts.song(), markSize, 1f);
        float markBaseline = MARK_TOP + PdfCanvas.ascent(fonts.song()) * markSize;
        canvas.text(mark, LEFT + (TEXT_WIDTH - markWidth) / 2, markBaseline, fonts.song(), markSize, 1f, 0f, true, RED);

        float numberTop = markBaseline + PdfCanvas.descent(fonts.song()) * markSize + 2 * PITCH;
        float numberBaseline = numberTop + PITCH / 2 + 0.38f * BODY;
        if (doc.signerName() != null) {
            canvas.text(doc.number(), LEFT + CELL, numberBaseline, fonts.song(), BODY, BLACK);
            float nameWidth = canvas.width(doc.signerName(), fonts.kai(), BODY, 1f);
            float labelWidth = canvas.width("签发人：", fonts.song(), BODY, 1f);
            float nameX = LEFT + TEXT_WIDTH - CELL - nameWidth;
            canvas.text("签发人：", nameX - labelWidth, numberBaseline, fonts.song(), BODY, BLACK);
            canvas.text(doc.signerName(), nameX, numberBaseline, fonts.kai(), BODY, BLACK);
        } else {
            float width = canvas.width(doc.number(), fonts.song(), BODY, 1f);
            canvas.text(doc.number(), LEFT + (TEXT_WIDTH - width) / 2, numberBaseline, fonts.song(), BODY, BLACK);
        }
        float ruleTop = numberBaseline + PdfCanvas.descent(fonts.song()) * BODY + 4 * MM;
        canvas.rule(LEFT, ruleTop, TEXT_WIDTH, 0.5f * MM, RED);
        return ruleTop;
    }

    /** 2号小标宋, centred, one grid line per title line. */
    private void title(String title) {
        List<String> characters = LineBreaker.characters(title);
        float[] advances = canvas.advances(characters, fonts.song(), TITLE, 1f);
        for (LineBreaker.Line l : LineBreaker.breakLines(characters, advances, TEXT_WIDTH, TEXT_WIDTH)) {
            ensureLine();
            canvas.text(characters.subList(l.start(), l.end()), LEFT + (TEXT_WIDTH - l.width()) / 2,
                    baseline(line, TITLE), fonts.song(), TITLE, 1f, 0f, true, BLACK);
            line++;
        }
    }

    private void body(List<HtmlBody.Block> blocks) {
        for (HtmlBody.Block block : blocks) {
            switch (block.type()) {
                case HEADING -> heading(block);
                case LIST_ITEM -> paragraph((block.ordinal() > 0 ? block.ordinal() + "." : "· ") + block.text(),
                        fonts.song(), 2, true);
                case TABLE_ROW -> paragraph(String.join("\u3000", block.cells()), fonts.song(), 0, true);
                default -> paragraph(block.text(), fonts.song(), 2, true);
            }
        }
    }

    /** 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋; numbered here unless the author numbered it. */
    private void heading(HtmlBody.Block block) {
        int level = Math.max(1, Math.min(4, block.level()));
        headingCounters[level]++;
        for (int deeper = level + 1; deeper < headingCounters.length; deeper++) {
            headingCounters[deeper] = 0;
        }
        String text = block.text();
        if (!NUMBERED.matcher(text).matches()) {
            int n = headingCounters[level];
            text = switch (level) {
                case 1 -> chinese(n) + "、" + text;
                case 2 -> "（" + chinese(n) + "）" + text;
                case 3 -> n + "." + text;
                default -> "（" + n + "）" + text;
            };
        }
        PDType0Font font = level == 1 ? fonts.hei() : level == 2 ? fonts.kai() : fonts.song();
        paragraph(text, font, 2, true);
    }

    /** A paragraph of 3号 text on the grid, the first line indented, full lines justified to the 版心. */
    private void paragraph(String text, PDType0Font font, int indentCells, boolean justify) {
        List<String> characters = LineBreaker.characters(text);
        float[] advances = canvas.advances(characters, font, BODY, BODY_SCALE);
        List<LineBreaker.Line> lines = LineBreaker.breakLines(characters, advances, TEXT_WIDTH - indentCells * CELL,
                TEXT_WIDTH);
        for (int i = 0; i < lines.size(); i++) {
            LineBreaker.Line l = lines.get(i);
            float x = LEFT + (i == 0 ? indentCells * CELL : 0);
            float available = TEXT_WIDTH - (i == 0 ? indentCells * CELL : 0);
            int count = l.end() - l.start();
            float spacing = justify && !l.last() && count > 1 ? (available - l.width()) / (count - 1) : 0f;
            ensureLine();
            canvas.text(characters.subList(l.start(), l.end()), x, baseline(line, BODY), font, BODY, BODY_SCALE,
                    Math.min(spacing, BODY), false, BLACK);
            line++;
        }
    }

    /** 附件说明: one blank line below the body, two characters in; several are numbered 1. 2. … */
    private void attachments(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        line++;
        for (int i = 0; i < names.size(); i++) {
            String name = withoutExtension(names.get(i));
            String text = names.size() == 1 ? "附件：" + name
                    : (i == 0 ? "附件：" : "\u3000\u3000\u3000") + (i + 1) + "." + name;
            paragraph(text, fonts.song(), 2, false);
        }
    }

    /**
     * 发文机关署名 centred over the 成文日期, which stands four characters from the right; room is left above for
     * the seal (applied by the office: electronic seals are not drawn here).
     */
    private void signature(String signature, LocalDate date) {
        line += 2;
        if (line + 2 > LINES) {
            newPage();
        }
        String dateText = date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        float dateWidth = canvas.width(dateText, fonts.song(), BODY, BODY_SCALE);
        float dateX = LEFT + TEXT_WIDTH - 4 * CELL - dateWidth;
        float signatureWidth = canvas.width(signature, fonts.song(), BODY, BODY_SCALE);
        float centre = dateX + dateWidth / 2;
        canvas.text(LineBreaker.characters(signature), centre - signatureWidth / 2, baseline(line, BODY), fonts.song(),
                BODY, BODY_SCALE, 0f, false, BLACK);
        line++;
        canvas.text(LineBreaker.characters(dateText), dateX, baseline(line, BODY), fonts.song(), BODY, BODY_SCALE, 0f,
                false, BLACK);
        line++;
    }

    /** 版记 at the foot of the last page: thick rule, 抄送, thin rule, 印发机关 and 印发日期, thick rule on the 版心's edge. */
    private void colophon(PrintedDocument doc) {
        List<List<String>> copyLines = new ArrayList<>();
        float indent = SMALL;
        if (!doc.copyRecipients().isEmpty()) {
            List<String> characters = LineBreaker.characters("抄送：" + String.join("，", doc.copyRecipients()) + "。");
            float[] advances = canvas.advances(characters, fonts.song(), SMALL, 1f);
            float label = canvas.width("抄送：", fonts.song(), SMALL, 1f);
            for (LineBreaker.Line l : LineBreaker.breakLines(characters, advances, TEXT_WIDTH - 2 * indent,
                    TEXT_WIDTH - 2 * indent - label)) {
                copyLines.add(characters.subList(l.start(), l.end()));
            }
        }
        int needed = copyLines.size() + 1;
        int first = LINES - needed;
        if (first < line) {
            newPage();
        }
        canvas.rule(LEFT, TOP + first * PITCH, TEXT_WIDTH, 0.35f * MM, BLACK);
        float label = canvas.width("抄送：", fonts.song(), SMALL, 1f);
        for (int i = 0; i < copyLines.size(); i++) {
            float x = LEFT + indent + (i == 0 ? 0 : label);
            canvas.text(copyLines.get(i), x, baseline(first + i, SMALL), fonts.song(), SMALL, 1f, 0f, false, BLACK);
        }
        int printLine = LINES - 1;
        if (!copyLines.isEmpty()) {
            canvas.rule(LEFT, TOP + printLine * PITCH, TEXT_WIDTH, 0.25f * MM, BLACK);
        }
        canvas.text(doc.printer(), LEFT + indent, baseline(printLine, SMALL), fonts.song(), SMALL, BLACK);
        LocalDate d = doc.printDate();
        String printed = d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日印发";
        float width = canvas.width(printed, fonts.song(), SMALL, 1f);
        canvas.text(printed, LEFT + TEXT_WIDTH - indent - width, baseline(printLine, SMALL), fonts.song(), SMALL, BLACK);
        canvas.rule(LEFT, TOP + TEXT_HEIGHT - 0.35f * MM, TEXT_WIDTH, 0.35f * MM, BLACK);
        line = LINES;
    }

    private void ensureLine() {
        if (line >= LINES) {
            newPage();
        }
    }

    private void newPage() {
        if (page > 0) {
            finishPage();
        }
        canvas.newPage();
        page++;
        line = 0;
    }

    /** 页码 "— n —" in 4号, its top 7 mm below the 版心; one character in from the right (odd) or left (even). */
    private void finishPage() {
        String number = "\u2014 " + page + " \u2014";
        float width = canvas.width(number, fonts.song(), SMALL, 1f);
        float baseline = TOP + TEXT_HEIGHT + 7 * MM + PdfCanvas.ascent(fonts.song()) * SMALL;
        float x = page % 2 == 1 ? LEFT + TEXT_WIDTH - SMALL - width : LEFT + SMALL;
        canvas.text(number, x, baseline, fonts.song(), SMALL, BLACK);
    }

    /** The baseline of grid line {@code index} for text of {@code size}, the glyphs centred in the line. */
    private static float baseline(int index, float size) {
        return TOP + index * PITCH + PITCH / 2 + 0.38f * size;
    }

    static String chinese(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + DIGITS[n % 10];
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
