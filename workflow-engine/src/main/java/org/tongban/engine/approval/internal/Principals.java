package org.tongban.engine.approval.internal;

import java.util.ArrayList;
import java.util.List;
import org.tongban.engine.directory.Actor;

/** The principals of the todo read model: {@code u:<username>} and {@code g:<department>:<role>}. */
public final class Principals {

    private Principals() {
    }

    public static String user(String username) {
        return "u:" + username;
    }

    public static String group(String group) {
        return "g:" + group;
    }

    /** Everything through which a person sees tasks: themselves and each of their positions. */
    public static List<String> of(Actor actor) {
        List<String> principals = new ArrayList<>();
        principals.add(user(actor.username()));
        actor.groups().stream().sorted().map(Principals::group).forEach(principals::add);
        return principals;
    }
}
