package org.tongban.engine.document.internal.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Drawing on A4 pages in millimetre-free, top-down coordinates (points from the page's top-left corner):
 * text runs with a per-character font fallback (a character the chosen font lacks is drawn in another of the
 * loaded fonts, or as □), horizontal scaling and character spacing; filled rectangles for rules.
 */
final class PdfCanvas {

    static final float MM = 72f / 25.4f;
    static final float PAGE_WIDTH = 210 * MM;
    static final float PAGE_HEIGHT = 297 * MM;

    private final PDDocument document;
    private final PdfFonts.Loaded fonts;
    private final Map<PDType0Font, Map<String, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream out;

    PdfCanvas(PDDocument document, PdfFonts.Loaded fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    void newPage() {
        close();
        PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT));
        document.addPage(page);
        try {
            out = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }

    /** The advance of each character at this size and horizontal scale (1 = 100 %). */
    float[] advances(List<String> characters, PDType0Font font, float size, float scale) {
        float[] advances = new float[characters.size()];
        for (int i = 0; i < advances.length; i++) {
            advances[i] = advance(characters.get(i), font, size, scale);
        }
        return advances;
    }

    float width(String text, PDType0Font font, float size, float scale) {
        float width = 0;
        for (String c : LineBreaker.characters(text)) {
            width += advance(c, font, size, scale);
        }
        return width;
    }

    private float advance(String character, PDType0Font preferred, float size, float scale) {
        Glyph glyph = glyph(character, preferred);
        try {
            return glyph.font().getStringWidth(glyph.text()) / 1000f * size * scale;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Draws characters at {@code x} on the baseline {@code baseline} (from the page top), {@code spacing} added
     * after each character; bold draws the outline too (for the 小标宋 stand-in).
     */
    void text(List<String> characters, float x, float baseline, PDType0Font font, float size, float scale,
              float spacing, boolean bold, Color color) {
        try {
            out.beginText();
            out.setNonStrokingColor(color);
            out.setStrokingColor(color);
            out.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            if (bold) {
                out.setLineWidth(size * 0.03f);
            }
            out.setHorizontalScaling(scale * 100);
            out.setCharacterSpacing(spacing);
            float position = x;
            int i = 0;
            while (i < characters.size()) {
                // one run per stretch of characters drawn in the same font
                PDType0Font runFont = glyph(characters.get(i), font).font();
                StringBuilder run = new StringBuilder();
                float runStart = position;
                while (i < characters.size() && glyph(characters.get(i), font).font() == runFont) {
                    run.append(glyph(characters.get(i), font).text());
                    position += advance(characters.get(i), font, size, scale) + spacing;
                    i++;
                }
                out.setFont(runFont, size);
                out.setTextMatrix(Matrix.getTranslateInstance(runStart, PAGE_HEIGHT - baseline));
                out.showText(run.toString());
            }
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(String text, float x, float baseline, PDType0Font font, float size, Color color) {
        text(LineBreaker.characters(text), x, baseline, font, size, 1f, 0f, false, color);
    }

    /** A filled rectangle {@code width × height} whose top-left corner is at {@code (x, top)}. */
    void rule(float x, float top, float width, float height, Color color) {
        try {
            out.setNonStrokingColor(color);
            out.addRect(x, PAGE_HEIGHT - top - height, width, height);
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ascent of a font as a share of its size. */
    static float ascent(PDType0Font font) {
        return font.getFontDescriptor().getAscent() / 1000f;
    }

    /** The descent of a font as a share of its size (positive). */
    static float descent(PDType0Font font) {
        return Math.abs(font.getFontDescriptor().getDescent()) / 1000f;
    }

    private record Glyph(PDType0Font font, String text) {
    }

    private Glyph glyph(String character, PDType0Font preferred) {
        for (PDType0Font font : List.of(preferred, fonts.song(), fonts.hei(), fonts.kai())) {
            if (has(font, character)) {
                return new Glyph(font, character);
            }
        }
        return new Glyph(fonts.song(), has(fonts.song(), "□") ? "□" : "?");
    }

    private boolean has(PDType0Font font, String character) {
        return glyphs.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(character, c -> {
            try {
                font.encode(c);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }
}
