package org.tongban.engine.directory;

/** A role held in a department. */
public record Position(String departmentCode, Role role) {

    /** The BPMN candidate group of this position, e.g. {@code SJ_FOOD:handler}. */
    public String group() {
        return departmentCode + ":" + role.key();
    }
}
