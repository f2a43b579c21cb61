package org.tongban.engine.testsupport;

import java.util.List;
import org.tongban.engine.document.Classification;
import org.tongban.engine.document.DocumentForm;
import org.tongban.engine.document.DocumentKind;
import org.tongban.engine.document.Urgency;

/** Named official documents used across tests. */
public final class DocumentFixtures {

    public static final String NOTICE_TITLE = "关于开展冬季食品安全专项检查的通知";
    public static final String NOTICE_BODY = "<p>为切实做好冬季食品安全工作，现就有关事项通知如下。</p>"
            + "<h1>检查范围</h1><p>全市餐饮服务单位。</p><h1>工作要求</h1><p>请于12月1日前报送检查情况。</p>";

    private DocumentFixtures() {
    }

    /**
     * 市场监管局食品经营监管处's notice to 消防救援支队 (主送) and 生态环境局 (抄送), countersigned by their
     * 防火监督处 and 行政审批处.
     */
    public static DocumentForm aFoodSafetyNotice() {
        return new DocumentForm(DocumentKind.NOTICE, NOTICE_TITLE, NOTICE_BODY, null, Urgency.URGENT,
                List.of("HZ_XF"), List.of("HZ_STHJ"), List.of("XF_FIRE", "HJ_APPROVAL"), null, null);
    }

    /** The same notice without countersign. */
    public static DocumentForm aNoticeWithoutCountersign() {
        return new DocumentForm(DocumentKind.NOTICE, NOTICE_TITLE, NOTICE_BODY, Classification.CONFIDENTIAL, null,
                List.of("HZ_XF"), List.of(), List.of(), null, null);
    }

    /** The form of a new version: same lists, the given body, based on {@code baseVersion}. */
    public static DocumentForm revised(DocumentForm form, String body, int baseVersion) {
        return new DocumentForm(form.kind(), form.title(), body, form.classification(), form.urgency(),
                form.mainRecipients(), form.copyRecipients(), form.countersignDepartments(), null, baseVersion);
    }
}
