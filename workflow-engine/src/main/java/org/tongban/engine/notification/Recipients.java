package org.tongban.engine.notification;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who gets a notice: people by username and/or groups — a BPMN candidate group {@code DEPARTMENT:role} or a whole
 * {@code DEPARTMENT}. Groups are expanded through the directory when the notice is written; everyone gets one copy.
 */
public record Recipients(Set<String> usernames, Set<String> groups) {

    public Recipients {
        usernames = usernames == null ? Set.of() : Set.copyOf(usernames);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public static Recipients users(String... usernames) {
        return new Recipients(Set.of(usernames), Set.of());
    }

    public static Recipients users(Collection<String> usernames) {
        return new Recipients(Set.copyOf(usernames), Set.of());
    }

    public static Recipients group(String group) {
        return new Recipients(Set.of(), Set.of(group));
    }

    public static Recipients groups(Collection<String> groups) {
        return new Recipients(Set.of(), Set.copyOf(groups));
    }

    /** These recipients and {@code other}'s. */
    public Recipients and(Recipients other) {
        return new Recipients(union(usernames, other.usernames), union(groups, other.groups));
    }

    public boolean isEmpty() {
        return usernames.isEmpty() && groups.isEmpty();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
