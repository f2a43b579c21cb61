package org.tongban.engine.cases.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tongban.engine.cases.ApplicantType;
import org.tongban.engine.cases.persistence.ApplicantMapper;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.cases.persistence.LicenseLookupRow;
import org.tongban.engine.cases.persistence.VisitRow;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.elicense.ELicense;
import org.tongban.engine.elicense.ELicenseDirectory;
import org.tongban.engine.elicense.ELicenseType;
import org.tongban.engine.matter.Material;
import org.tongban.engine.matter.Matter;
import org.tongban.engine.platform.EngineClock;

/**
 * What 收件 does for the applicant besides registering the case: the first visit (跑动), the electronic
 * certificates fetched instead of paper (免证办), the verification code (查询码) and its SMS.
 */
@Component
public class ApplicantIntake {

    /** Material codes that exist as electronic certificates, and whose applicant holds them. */
    static final Map<String, ELicenseType> LICENSED_MATERIALS = Map.of(
            "BUSINESS_LICENSE", ELicenseType.BUSINESS_LICENSE,
            "ID_CARD", ELicenseType.ID_CARD);
    /** Status of a material fetched as an electronic certificate (免提交). */
    public static final String ELICENSE = "ELICENSE";
    private static final Logger log = LoggerFactory.getLogger(ApplicantIntake.class);

    private final ApplicantMapper applicants;
    private final CaseMapper cases;
    private final ObjectProvider<ELicenseDirectory> licences;
    private final AccessCodes codes;
    private final ApplicantSms sms;
    private final EngineClock clock;

    ApplicantIntake(ApplicantMapper applicants, CaseMapper cases, ObjectProvider<ELicenseDirectory> licences,
                    AccessCodes codes, ApplicantSms sms, EngineClock clock) {
        this.applicants = applicants;
        this.cases = cases;
        this.licences = licences;
        this.codes = codes;
        this.sms = sms;
        this.clock = clock;
    }

    /**
     * Records the intake visit, looks up electronic certificates, sets the verification code and sends it by SMS
     * to a mobile number. Returns the code (the only time it exists in clear).
     */
    public String received(CaseRow row, Actor actor, List<Matter> matters) {
        applicants.insertVisit(new VisitRow(row.id, "APPLY", "收件", actor.username(), clock.now()));
        lookUpLicences(row, actor, matters);
        String code = codes.generate();
        applicants.setAccessCodeHash(row.id, codes.hash(code));
        sms.send(row, "办件查询码", "您的办件 " + row.caseNumber + " 已收件，查询码 " + code
                + "。可凭办件编号和查询码查询办理进度、评价服务，请勿告知他人。");
        return code;
    }

    /**
     * 免证办: each material that exists as an electronic certificate of the applicant is fetched and marked
     * {@link #ELICENSE}; every look-up is recorded. When the service is down the material stays a paper one and
     * intake goes on (degraded), once per case: after the first failure the others are not tried.
     */
    private void lookUpLicences(CaseRow row, Actor actor, List<Matter> matters) {
        ELicenseDirectory directory = licences.getIfAvailable();
        if (directory == null) {
            return;
        }
        boolean unavailable = false;
        Map<ELicenseType, Optional<ELicense>> found = new java.util.EnumMap<>(ELicenseType.class);
        for (Matter matter : matters) {
            for (Material material : matter.materials()) {
                ELicenseType type = LICENSED_MATERIALS.get(material.code());
                if (type == null || !holds(row, type)) {
                    continue;
                }
                String result;
                ELicense licence = null;
                String detail = null;
                if (unavailable) {
                    result = "UNAVAILABLE";
                    detail = "证照服务不可用，请提交纸质材料";
                } else {
                    try {
                        Optional<ELicense> answer = found.containsKey(type) ? found.get(type)
                                : directory.find(type, row.applicantIdNumber);
                        found.put(type, answer);
                        licence = answer.orElse(null);
                        result = licence == null ? "NOT_FOUND" : "FOUND";
                        detail = licence == null ? "未查到电子证照，请提交纸质材料" : licence.holderName();
                    } catch (RuntimeException e) { // ELicenseUnavailableException, or an adapter bug: never block intake
                        log.warn("E-licence look-up for case {} failed: {}", row.caseNumber, e.getMessage());
                        unavailable = true;
                        result = "UNAVAILABLE";
                        detail = "证照服务不可用，请提交纸质材料";
                    }
                }
                applicants.insertLookup(new LicenseLookupRow(row.id, matter.code(), material.code(), type.name(),
                        result, licence == null ? null : licence.licenseNumber(),
                        licence == null ? null : licence.issuer(), detail, actor.username(), clock.now()));
                if (licence != null) {
                    cases.setMaterialStatus(row.id, matter.code(), material.code(), ELICENSE);
                }
            }
        }
    }

    private static boolean holds(CaseRow row, ELicenseType type) {
        ApplicantType applicant = ApplicantType.valueOf(row.applicantType);
        return type == ELicenseType.BUSINESS_LICENSE ? applicant == ApplicantType.ENTERPRISE
                : applicant == ApplicantType.PERSON;
    }
}
