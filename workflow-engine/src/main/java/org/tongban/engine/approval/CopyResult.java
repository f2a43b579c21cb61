package org.tongban.engine.approval;

import java.util.List;

/** Who a copy reached ({@code added}), and who already had this process in their copied list. */
public record CopyResult(List<String> added, List<String> alreadyCopied) {
}
