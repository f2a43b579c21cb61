package org.tongban.engine.directory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;

/**
 * Runs the directory's push to the identity provider on an administrator's request. Not transactional on
 * purpose: the run reads the directory and then talks HTTP for a while, and must not hold a transaction open.
 */
@Service
public class IdentitySyncService {

    private final ObjectProvider<IdentityProviderSync> provider;

    public IdentitySyncService(ObjectProvider<IdentityProviderSync> provider) {
        this.provider = provider;
    }

    /** Synchronises now; only administrators may, and only when an identity provider is configured. */
    public IdentitySyncReport synchronise(Actor actor) {
        if (!actor.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("只有系统管理员可以同步统一身份认证");
        }
        IdentityProviderSync sync = provider.getIfAvailable();
        if (sync == null) {
            throw new ConflictException("未启用统一身份认证（Keycloak），无需同步");
        }
        return sync.synchronise();
    }
}
