package org.tongban.engine.directory;

/** 层级 省/市/县/乡. */
public enum AgencyLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP
}
