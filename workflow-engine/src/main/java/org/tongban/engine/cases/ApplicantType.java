package org.tongban.engine.cases;

/** 申请人类型: 自然人 (identity card number) or 法人 (统一社会信用代码). */
public enum ApplicantType {
    PERSON, ENTERPRISE
}
