package org.tongban.engine.document;

/** 发文 (drafted in this agency) or 收文 (received from another agency). */
public enum Direction {
    OUTGOING,
    INCOMING
}
