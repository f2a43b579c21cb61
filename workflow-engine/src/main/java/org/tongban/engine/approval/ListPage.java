package org.tongban.engine.approval;

import java.util.List;

/** One page of a workbench list with the list's total count. */
public record ListPage<T>(List<T> items, long total, int page, int size) {
}
