package org.tongban.engine.document.internal.pdf;

import java.time.LocalDate;
import java.util.List;
import org.tongban.engine.document.internal.HtmlBody;

/**
 * What goes on the paper, in GB/T 9704-2012 terms: 份号, 密级, 紧急程度 (each null when not marked),
 * 发文机关标志, 发文字号, 签发人 (上行文 only), 标题, 主送机关, 正文, 附件说明, 发文机关署名, 成文日期, and the
 * 版记's 抄送机关, 印发机关 and 印发日期.
 */
public record PrintedDocument(String copyNumber, String classification, String urgency, String issuingMark,
                              String number, String signerName, String title, List<String> mainRecipients,
                              List<HtmlBody.Block> body, List<String> attachmentNames, String signature,
                              LocalDate date, List<String> copyRecipients, String printer, LocalDate printDate) {

    public PrintedDocument {
        mainRecipients = List.copyOf(mainRecipients);
        body = List.copyOf(body);
        attachmentNames = List.copyOf(attachmentNames);
        copyRecipients = List.copyOf(copyRecipients);
    }
}
