package org.tongban.engine.directory;

import java.util.List;

/**
 * A node of the address-book tree: an agency (with its level) holding subordinate agencies and its departments,
 * or a department holding its people.
 */
public record DirectoryNode(Kind kind, String code, String name, AgencyLevel level, List<DirectoryNode> children,
                            List<Contact> people) {

    public DirectoryNode {
        children = List.copyOf(children);
        people = List.copyOf(people);
    }

    /** What a node stands for. */
    public enum Kind { AGENCY, DEPARTMENT }
}
