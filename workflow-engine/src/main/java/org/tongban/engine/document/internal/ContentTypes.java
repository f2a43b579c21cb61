package org.tongban.engine.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file by its content (Apache Tika's magic bytes), never by its name alone. The name only refines a
 * container format the content shows (a ZIP that is an OOXML document, an OLE2 file that is a Word 97 document),
 * so a program renamed {@code .pdf} stays a program and unknown bytes stay {@code application/octet-stream}.
 */
public final class ContentTypes {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
    private static final Detector DETECTOR = TYPES;
    private static final Set<MediaType> CONTAINERS = Set.of(MediaType.APPLICATION_ZIP,
            MediaType.application("x-tika-ooxml"), MediaType.application("x-tika-msoffice"));

    private ContentTypes() {
    }

    public static String detect(Path file, String fileName) {
        try (InputStream in = TikaInputStream.get(file)) {
            MediaType byContent = DETECTOR.detect(in, new Metadata());
            if (CONTAINERS.contains(byContent) && fileName != null) {
                Metadata named = new Metadata();
                named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
                MediaType byName = DETECTOR.detect(null, named);
                if (REGISTRY.isSpecializationOf(byName, byContent)) {
                    return byName.toString();
                }
            }
            return byContent.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
