package org.tongban.engine.designer;

import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Role;
import org.tongban.engine.platform.ForbiddenException;

/** Designer features are for process designers and administrators only. */
final class DesignerAccess {

    private DesignerAccess() {
    }

    static void require(Actor actor) {
        if (actor == null || !(actor.hasRole(Role.DESIGNER) || actor.hasRole(Role.ADMIN))) {
            throw new ForbiddenException("只有流程设计员或系统管理员可以使用流程设计与运维");
        }
    }
}
