package org.tongban.office.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.identity.LoginService;

/**
 * Resolves a validated token's subject in the directory on every request, so a disabled person or a changed
 * position takes effect at once instead of when the token expires.
 */
@Component
class ActorTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final DirectoryService directory;
    private final LoginService logins;

    ActorTokenConverter(DirectoryService directory, LoginService logins) {
        this.directory = directory;
        this.logins = logins;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username") != null
                ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        String session = jwt.getClaimAsString(TokenService.SESSION_CLAIM);
        // built-in tokens are bound to a server-side session (idle timeout, logout); Keycloak's carry none
        if (session != null && !logins.touch(session, username)) {
            throw new CredentialsExpiredException("会话已超时或已退出，请重新登录");
        }
        return directory.findActor(username)
                .map(actor -> new ActorAuthentication(actor, jwt))
                .orElseThrow(() -> new DisabledException("账号不存在或已停用"));
    }
}
