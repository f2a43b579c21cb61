package org.tongban.engine.messaging;

import java.nio.file.Path;

/** An attachment to download: what it is and where its bytes are. */
public record AttachmentContent(AttachmentView attachment, Path file) {
}
