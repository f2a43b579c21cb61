package org.tongban.engine.supervision;

import java.time.LocalDate;

/**
 * 分解: a responsible unit (department code), what it must do, and by when: the end of office hours of
 * {@code dueDate}, a working day not after the item's.
 */
public record SubItemForm(String unitDepartment, String requirement, LocalDate dueDate) {
}
