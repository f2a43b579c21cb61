package org.tongban.engine.document.internal.pdf;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.engine.platform.UnavailableException;

/**
 * The open CJK fonts of the GB/T 9704 PDF (no proprietary 仿宋/小标宋 font is needed or shipped):
 * <ul>
 * <li>{@code song} — body text (for 仿宋), title and issuing-authority mark (for 小标宋, drawn bold): AR PL UMing,
 * Debian {@code fonts-arphic-uming};</li>
 * <li>{@code kai} — second-level headings (楷体): AR PL UKai, {@code fonts-arphic-ukai};</li>
 * <li>{@code hei} — classification, urgency, first-level headings (黑体): WenQuanYi Zen Hei, {@code fonts-wqy-zenhei}.</li>
 * </ul>
 * All three are TrueType collections that PDFBox embeds as subsets. Each is {@code path[#name]} in
 * {@code tongban.documents.pdf.fonts.*}. Without the song font no PDF can be made and the service says so; a
 * missing kai or hei font falls back to song. The check is logged at start.
 */
@Component
public class PdfFonts {

    private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

    private final FontFile song;
    private final FontFile kai;
    private final FontFile hei;

    public PdfFonts(@Value("${tongban.documents.pdf.fonts.song:/usr/share/fonts/truetype/arphic/uming.ttc#UMingCN}") String song,
                    @Value("${tongban.documents.pdf.fonts.kai:/usr/share/fonts/truetype/arphic/ukai.ttc#UKaiCN}") String kai,
                    @Value("${tongban.documents.pdf.fonts.hei:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei}") String hei) {
        this.song = FontFile.parse(song, "fonts-arphic-uming");
        this.kai = FontFile.parse(kai, "fonts-arphic-ukai");
        this.hei = FontFile.parse(hei, "fonts-wqy-zenhei");
    }

    /** A configured font file: {@code path} and, for a collection, the font's name in it. */
    record FontFile(File file, String name, String debianPackage) {

        static FontFile parse(String spec, String debianPackage) {
            int hash = spec.indexOf('#');
            return hash < 0 ? new FontFile(new File(spec), null, debianPackage)
                    : new FontFile(new File(spec.substring(0, hash)), spec.substring(hash + 1), debianPackage);
        }

        boolean present() {
            return file.isFile() && file.canRead();
        }

        String describe() {
            return file + (name == null ? "" : "#" + name) + "（Debian 软件包 " + debianPackage + "）";
        }
    }

    /** What is missing, in words for the user; empty when the PDF can be made with every font. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (FontFile font : List.of(song, kai, hei)) {
            if (!font.present()) {
                missing.add(font.describe());
            }
        }
        return missing;
    }

    public boolean available() {
        return song.present();
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (!available()) {
            log.warn("公文 PDF 不可用：缺少中文字体 {}。请安装：apt-get install fonts-arphic-uming fonts-arphic-ukai "
                    + "fonts-wqy-zenhei，或以 tongban.documents.pdf.fonts.song 指定字体文件", song.describe());
        } else if (!missing().isEmpty()) {
            log.warn("公文 PDF 将以 AR PL UMing 代替缺少的字体：{}", missing());
        } else {
            log.info("公文 PDF 字体：{}、{}、{}", song.describe(), kai.describe(), hei.describe());
        }
    }

    /** The fonts loaded into one PDF; close after the document is saved (subsetting reads the files then). */
    public Loaded load(PDDocument document) {
        if (!available()) {
            throw new UnavailableException("服务器缺少公文版式所需的中文字体 " + song.describe()
                    + "，暂时无法生成 PDF。请管理员安装 fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei。");
        }
        List<TrueTypeCollection> open = new ArrayList<>();
        try {
            PDType0Font songFont = load(document, song, open);
            PDType0Font kaiFont = kai.present() ? load(document, kai, open) : songFont;
            PDType0Font heiFont = hei.present() ? load(document, hei, open) : songFont;
            return new Loaded(songFont, kaiFont, heiFont, open);
        } catch (IOException | RuntimeException e) {
            open.forEach(PdfFonts::closeQuietly);
            throw new UnavailableException("公文版式字体无法读取：" + e.getMessage());
        }
    }

    private static PDType0Font load(PDDocument document, FontFile font, List<TrueTypeCollection> open)
            throws IOException {
        if (font.name() == null) {
            return PDType0Font.load(document, font.file());
        }
        TrueTypeCollection collection = new TrueTypeCollection(font.file());
        open.add(collection);
        TrueTypeFont ttf = collection.getFontByName(font.name());
        if (ttf == null) {
            throw new IOException(font.file() + " has no font named " + font.name());
        }
        return PDType0Font.load(document, ttf, true);
    }

    private static void closeQuietly(TrueTypeCollection collection) {
        try {
            collection.close();
        } catch (IOException e) {
            log.debug("closing a font collection", e);
        }
    }

    /** Song (仿宋/小标宋 stand-in), kai (楷体) and hei (黑体) for one document. */
    public record Loaded(PDType0Font song, PDType0Font kai, PDType0Font hei, List<TrueTypeCollection> files)
            implements AutoCloseable {

        @Override
        public void close() {
            files.forEach(PdfFonts::closeQuietly);
        }
    }
}
