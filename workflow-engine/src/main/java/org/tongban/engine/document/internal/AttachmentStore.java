package org.tongban.engine.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.engine.platform.InvalidInputException;

/**
 * Attachment files on disk, outside the web root, named by their SHA-256 ({@code <dir>/ab/cd/abcd…}): the same
 * content is stored once, and a name can never be chosen by the uploader. Directory from
 * {@code tongban.documents.attachments.dir} (default {@code ./data/attachments}).
 */
@Component
public class AttachmentStore {

    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public AttachmentStore(@Value("${tongban.documents.attachments.dir:./data/attachments}") String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    /** An upload written to a temporary file, with its hash and size; {@link #keep} or {@link #discard} it. */
    public record Upload(Path temporary, String sha256, long size) {
    }

    /** Copies the stream to a temporary file, refusing it once it passes {@code maxBytes}. */
    public Upload receive(InputStream in, long maxBytes) {
        try {
            Path tmp = Files.createDirectories(root.resolve("tmp"));
            Path file = Files.createTempFile(tmp, "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        out.close();
                        Files.deleteIfExists(file);
                        throw new InvalidInputException("附件过大（上限 " + maxBytes / (1024 * 1024) + " MB）");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Upload(file, HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an attachment under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the upload to its content address; an identical file already there is kept as it is. */
    public void keep(Upload upload) {
        Path target = path(upload.sha256());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.deleteIfExists(upload.temporary());
                return;
            }
            try {
                Files.move(upload.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(upload.temporary(), target);
            }
        } catch (FileAlreadyExistsException raced) {
            discard(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment " + upload.sha256(), e);
        }
    }

    public void discard(Upload upload) {
        try {
            Files.deleteIfExists(upload.temporary());
        } catch (IOException e) {
            log.warn("Could not delete {}", upload.temporary(), e);
        }
    }

    /** Where the file of a hash lies. */
    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    public Path root() {
        return root;
    }
}
