package org.tongban.engine.document;

/** A generated PDF with the file name to offer it under. */
public record PdfFile(String fileName, byte[] content) {
}
