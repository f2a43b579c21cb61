package org.tongban.engine.directory;

import java.util.Locale;

/** 岗位: what a person does in a department. The lower-case name is the group suffix used in BPMN. */
public enum Role {
    /** 窗口受理员 */
    CLERK,
    /** 承办人 */
    HANDLER,
    /** 审核人 */
    REVIEWER,
    /** 分管领导 */
    LEADER,
    /** 办公室/文书 */
    OFFICE,
    /** 督办员 */
    SUPERVISOR,
    /** 流程设计员 */
    DESIGNER,
    /** 系统管理员 */
    ADMIN,
    /** 审计员 */
    AUDITOR;

    /** The name used in candidate groups and tokens, e.g. {@code handler}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
