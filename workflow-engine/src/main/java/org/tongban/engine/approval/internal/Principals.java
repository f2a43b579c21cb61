package org.tongban.engine.approval.internal;

import java.util.ArrayList;
import java.util.List;
import org.tongban.engine.directory.Actor;

/**
 * The principals of the todo read model: {@code u:<username>}, {@code g:<department>:<role>}, and
 * {@code p:<username>} for the tasks a person sees as someone's stand-in (代理) — a principal of its own, so that
 * one principal reaches a task through one access row at most.
 */
public final class Principals {

    private Principals() {
    }

    public static String user(String username) {
        return "u:" + username;
    }

    public static String group(String group) {
        return "g:" + group;
    }

    /** The principal of the access rows through which {@code standIn} sees absent people's tasks (代理). */
    public static String proxy(String standIn) {
        return "p:" + standIn;
    }

    /** Everything through which a person sees tasks: themselves, each of their positions, and their stand-in rows. */
    public static List<String> of(Actor actor) {
        List<String> principals = new ArrayList<>();
        principals.add(user(actor.username()));
        principals.add(proxy(actor.username()));
        actor.groups().stream().sorted().map(Principals::group).forEach(principals::add);
        return principals;
    }
}
