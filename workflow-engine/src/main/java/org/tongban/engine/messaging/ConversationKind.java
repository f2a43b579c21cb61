package org.tongban.engine.messaging;

/** 会话类型. */
public enum ConversationKind {
    /** 单聊: two people, one conversation per pair */
    DIRECT,
    /** 群聊: named by its creator, who may add people */
    GROUP,
    /** 办件群: one per case, its members join as the case reaches their department */
    CASE
}
