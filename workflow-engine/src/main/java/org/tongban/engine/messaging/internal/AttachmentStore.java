package org.tongban.engine.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.tongban.engine.platform.InvalidInputException;

/**
 * Attachment files, outside the web root in {@code tongban.messaging.attachments.dir}, each stored once under its
 * SHA-256 ({@code ab/abcdef…}). A file is refused when empty, larger than {@code max-size}, or when its content
 * (magic bytes, as Apache Tika reads them — never the name or the declared type) is not one of the allowed types.
 */
@Component("messageAttachmentStore") // documents have an AttachmentStore too
public class AttachmentStore {

    /** Detected content types accepted: PDF, OFD/ZIP, Office documents, images, plain text. */
    static final Set<String> ALLOWED = Set.of("application/pdf", "application/zip", "application/x-tika-ooxml",
            "application/x-tika-msoffice", "application/msword", "application/vnd.ms-excel", "image/png",
            "image/jpeg", "image/gif", "image/webp", "text/plain");

    private final Path root;
    private final long maxBytes;
    private final Tika tika = new Tika();

    AttachmentStore(@Value("${tongban.messaging.attachments.dir:./data/attachments}") Path root,
                    @Value("${tongban.messaging.attachments.max-size:10MB}") DataSize maxSize) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxSize.toBytes();
    }

    /** A stored file: its hash, size and detected type. */
    public record Stored(String sha256, long size, String contentType) {
    }

    /** Stores the content (or finds it already stored) after checking size and type. */
    public Stored store(InputStream content) {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size = copyLimited(new DigestInputStream(content, sha), temp);
                if (size == 0) {
                    throw new InvalidInputException("附件是空文件", Map.of("file", "空文件"));
                }
                String type;
                try (InputStream in = Files.newInputStream(temp)) {
                    type = tika.detect(in); // by content only: no file name is given to the detector
                }
                if (!ALLOWED.contains(type)) {
                    throw new InvalidInputException("不允许的附件类型：" + type,
                            Map.of("file", "只允许 PDF、OFD、Office 文档、图片和纯文本"));
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                Path target = path(hash);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    move(temp, target);
                }
                return new Stored(hash, size, type);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an attachment under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file of a stored hash. */
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public long maxBytes() {
        return maxBytes;
    }

    private long copyLimited(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidInputException("附件超过 " + maxBytes / (1024 * 1024) + " MB",
                            Map.of("file", "过大"));
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameContent) {
            // stored by a concurrent upload of the same file
        } catch (AtomicMoveNotSupportedException e) {
            Files.copy(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
