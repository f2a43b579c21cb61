package org.tongban.engine.document.internal.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Point2D;

/**
 * Reads a PDF back the way a checker of GB/T 9704 would: every character with its page, position (mm from the
 * page's top-left), font size and fill colour; every filled rectangle (the rules) with its colour.
 */
final class PdfProbe {

    static final float MM = 72f / 25.4f;

    /** A character: x and baseline y from the top-left, in mm; size in pt; rgb 0–1. */
    record Glyph(int page, String text, float x, float baseline, float right, float size, float ascent,
                 String font, float[] rgb) {

        /** The top of the glyph's em box (baseline less the font's ascent), in mm. */
        float top() {
            return baseline - ascent;
        }

        boolean red() {
            return rgb[0] > 0.8f && rgb[1] < 0.2f && rgb[2] < 0.2f;
        }
    }

    /** A filled rectangle in mm from the page's top-left. */
    record Rule(int page, float left, float top, float width, float height, float[] rgb) {
    }

    final List<Glyph> glyphs = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    final String text;
    final int pages;
    final float pageWidth;
    final float pageHeight;

    PdfProbe(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
            pageWidth = document.getPage(0).getMediaBox().getWidth() / MM;
            pageHeight = document.getPage(0).getMediaBox().getHeight() / MM;
            GlyphReader reader = new GlyphReader();
            StringWriter out = new StringWriter();
            reader.writeText(document, out);
            text = out.toString();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                new RuleReader(page, i + 1).processPage(page);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The characters of the page joined in reading order, per baseline. */
    List<Glyph> on(int page) {
        return glyphs.stream().filter(g -> g.page() == page).toList();
    }

    /** The glyphs of the first occurrence of {@code text} on a page (characters consecutive in drawing order). */
    List<Glyph> find(int page, String text) {
        List<Glyph> onPage = on(page);
        List<String> wanted = text.codePoints().mapToObj(Character::toString).toList();
        for (int i = 0; i + wanted.size() <= onPage.size(); i++) {
            boolean match = true;
            for (int j = 0; j < wanted.size() && match; j++) {
                match = onPage.get(i + j).text().equals(wanted.get(j));
            }
            if (match) {
                return onPage.subList(i, i + wanted.size());
            }
        }
        throw new AssertionError("'" + text + "' not found on page " + page + " in: " + this.text);
    }

    private static float[] rgb(int packed) {
        return new float[] {(packed >> 16 & 0xff) / 255f, (packed >> 8 & 0xff) / 255f, (packed & 0xff) / 255f};
    }

    private final class GlyphReader extends PDFTextStripper {

        GlyphReader() throws IOException {
            addOperator(new SetNonStrokingColorSpace(this));
            addOperator(new SetNonStrokingColor(this));
            addOperator(new SetNonStrokingColorN(this));
            addOperator(new SetNonStrokingDeviceRGBColor(this));
            addOperator(new SetNonStrokingDeviceGrayColor(this));
            addOperator(new SetNonStrokingDeviceCMYKColor(this));
            setSortByPosition(false);
        }

        @Override
        protected void processTextPosition(TextPosition position) {
            super.processTextPosition(position);
            float[] rgb;
            try {
                rgb = rgb(getGraphicsState().getNonStrokingColor().toRGB());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            float ascent = position.getFont().getFontDescriptor().getAscent() / 1000f * position.getFontSizeInPt();
            glyphs.add(new Glyph(getCurrentPageNo(), position.getUnicode(), position.getXDirAdj() / MM,
                    position.getYDirAdj() / MM, (position.getXDirAdj() + position.getWidthDirAdj()) / MM,
                    position.getFontSizeInPt(), ascent / MM, position.getFont().getName(), rgb));
        }
    }

    private final class RuleReader extends PDFGraphicsStreamEngine {

        private final int page;
        private final float height;
        private final List<Point2D> path = new ArrayList<>();

        RuleReader(PDPage page, int number) {
            super(page);
            this.page = number;
            this.height = page.getMediaBox().getHeight();
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            path.addAll(List.of(p0, p1, p2, p3));
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            if (!path.isEmpty()) {
                double minX = path.stream().mapToDouble(Point2D::getX).min().orElseThrow();
                double maxX = path.stream().mapToDouble(Point2D::getX).max().orElseThrow();
                double minY = path.stream().mapToDouble(Point2D::getY).min().orElseThrow();
                double maxY = path.stream().mapToDouble(Point2D::getY).max().orElseThrow();
                rules.add(new Rule(page, (float) (minX / MM), (float) ((height - maxY) / MM),
                        (float) ((maxX - minX) / MM), (float) ((maxY - minY) / MM),
                        rgb(getGraphicsState().getNonStrokingColor().toRGB())));
            }
            path.clear();
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
            path.clear();
        }

        @Override
        public void strokePath() {
            path.clear();
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            fillPath(windingRule);
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
