package org.tongban.engine.directory;

/** 处室/科室 inside an agency. */
public record Department(String code, String agencyCode, String name) {
}
