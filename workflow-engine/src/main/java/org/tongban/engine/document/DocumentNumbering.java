package org.tongban.engine.document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.SequenceService;

/**
 * 发文字号: {@code 机关代字〔年份〕序号号}, e.g. 杭市监〔2026〕12号, or 杭市监函〔2026〕3号 for a letter. The serial
 * comes from a gap-free counter per agency, numbering family and year, taken in the caller's transaction: a
 * rollback gives the number back and concurrent sign-offs never share one.
 */
@Service
public class DocumentNumbering {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DocumentMapper mapper;
    private final SequenceService sequences;
    private final DirectoryService directory;
    private final Clock clock;

    public DocumentNumbering(DocumentMapper mapper, SequenceService sequences, DirectoryService directory,
                             Clock clock) {
        this.mapper = mapper;
        this.sequences = sequences;
        this.directory = directory;
        this.clock = clock;
    }

    /** The document's number, given now if it has none. Runs in the caller's transaction (the sign-off's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String assign(long documentId) {
        DocumentRow row = mapper.findDocument(documentId);
        if (row == null) {
            throw new IllegalStateException("No document " + documentId);
        }
        if (row.docNumber != null) {
            return row.docNumber;
        }
        DocumentKind kind = DocumentKind.valueOf(row.kind);
        Agency agency = directory.agency(row.agencyCode)
                .orElseThrow(() -> new IllegalStateException("No agency " + row.agencyCode));
        Instant at = row.signedAt != null ? row.signedAt : clock.instant();
        int year = LocalDate.ofInstant(at, ZONE).getYear();
        String counter = "document-number:" + row.agencyCode + ":" + kind.numberFamily() + ":" + year;
        sequences.ensure(counter);
        long serial = sequences.next(counter);
        String number = format(agency.shortName() + kind.numberMark(), year, serial);
        if (mapper.setNumber(documentId, number, kind.numberFamily(), year, serial, clock.instant()) != 1) {
            throw new ConflictException("公文 " + documentId + " 正在被编号，请稍后重试");
        }
        return number;
    }

    /** {@code 杭市监〔2026〕12号}: the year in 六角括号 〔〕, the serial without leading zeros. */
    public static String format(String agencyMark, int year, long serial) {
        return agencyMark + "\u3014" + year + "\u3015" + serial + "号";
    }
}
