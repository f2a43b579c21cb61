package org.tongban.engine.directory;

/** 机关/单位. {@code shortName} is the 机关代字 used in document numbers (e.g. 杭市监). */
public record Agency(String code, String name, String shortName, AgencyLevel agencyLevel, String parentCode) {
}
