package org.tongban.engine.matter.persistence;

/** A row of a link table: (matter, department) or (bundle, matter). */
public record CodePair(String owner, String item) {
}
