package org.tongban.engine.elicense;

/** The kinds of electronic certificates intake looks up. */
public enum ELicenseType {
    /** 营业执照, held by an enterprise, found by its 统一社会信用代码. */
    BUSINESS_LICENSE,
    /** 居民身份证, held by a person, found by the identity number. */
    ID_CARD
}
