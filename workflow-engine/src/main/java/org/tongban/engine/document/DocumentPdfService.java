package org.tongban.engine.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.document.internal.DocumentAccess;
import org.tongban.engine.document.internal.HtmlBody;
import org.tongban.engine.document.internal.pdf.Gbt9704Renderer;
import org.tongban.engine.document.internal.pdf.PdfFonts;
import org.tongban.engine.document.internal.pdf.PrintedDocument;
import org.tongban.engine.document.persistence.AttachmentMapper;
import org.tongban.engine.document.persistence.AttachmentRow;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.document.persistence.RecipientRow;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;

/**
 * The formal text of a signed document as a GB/T 9704-2012 PDF (红头文件). An incoming document prints as the
 * original its sender signed. Needs the open CJK fonts of {@link PdfFonts}; says so (503) when they are missing.
 */
@Service
public class DocumentPdfService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DocumentAccess access;
    private final DocumentMapper mapper;
    private final AttachmentMapper attachments;
    private final DirectoryService directory;
    private final PdfFonts fonts;

    public DocumentPdfService(DocumentAccess access, DocumentMapper mapper, AttachmentMapper attachments,
                              DirectoryService directory, PdfFonts fonts) {
        this.access = access;
        this.mapper = mapper;
        this.attachments = attachments;
        this.directory = directory;
        this.fonts = fonts;
    }

    /**
     * The PDF of a signed and numbered document the actor may see. {@code copy} is the 份号 to print (1–999999);
     * a classified document gets 000001 when none is asked for.
     */
    @Transactional(readOnly = true)
    public PdfFile pdf(Actor actor, long documentId, Integer copy) {
        DocumentRow row = access.visible(actor, documentId).row();
        DocumentRow original = row.originDocumentId == null ? row : mapper.findDocument(row.originDocumentId);
        if (original.docNumber == null || original.signedAt == null) {
            throw new ConflictException("公文尚未签发编号，还没有正式文本");
        }
        if (copy != null && (copy < 1 || copy > 999_999)) {
            throw new InvalidInputException("份号应在 1 到 999999 之间", Map.of("copy", "1–999999"));
        }
        byte[] content = Gbt9704Renderer.render(printed(original, copy), fonts);
        return new PdfFile(original.docNumber + " " + original.title + ".pdf", content);
    }

    private PrintedDocument printed(DocumentRow doc, Integer copy) {
        Map<String, Agency> agencies = directory.agencies().stream()
                .collect(Collectors.toMap(Agency::code, Function.identity()));
        DocumentKind kind = DocumentKind.valueOf(doc.kind);
        Agency agency = agencies.get(doc.agencyCode);
        List<RecipientRow> recipients = mapper.findRecipients(doc.id);
        Classification classification = doc.classification == null ? null : Classification.valueOf(doc.classification);
        String copyNumber = copy != null ? String.format("%06d", copy) : classification != null ? "000001" : null;
        String signerName = kind.upward()
                ? directory.displayNames(List.of(doc.signer)).getOrDefault(doc.signer, doc.signer) : null;
        String office = directory.department(doc.officeDepartment).map(d -> d.name()).orElse("办公室");
        Instant printed = doc.sealedAt != null ? doc.sealedAt : doc.signedAt;
        return new PrintedDocument(copyNumber, classification == null ? null : classification.label(),
                doc.urgency == null ? null : Urgency.valueOf(doc.urgency).label(),
                agency.name() + (kind == DocumentKind.LETTER ? "" : "文件"), doc.docNumber, signerName,
                mapper.findVersion(doc.id, doc.currentVersion).title(),
                names(agencies, recipients, "MAIN"), HtmlBody.blocks(mapper.findVersion(doc.id, doc.currentVersion).body()),
                attachments.findAttachments(doc.id).stream().map((AttachmentRow a) -> a.fileName).toList(),
                agency.name(), LocalDate.ofInstant(doc.signedAt, ZONE), names(agencies, recipients, "COPY"),
                agency.name() + office, LocalDate.ofInstant(printed, ZONE));
    }

    private static List<String> names(Map<String, Agency> agencies, List<RecipientRow> recipients, String type) {
        return recipients.stream().filter(r -> r.recipientType().equals(type))
                .map(r -> agencies.containsKey(r.agencyCode()) ? agencies.get(r.agencyCode()).name() : r.agencyCode())
                .toList();
    }
}
