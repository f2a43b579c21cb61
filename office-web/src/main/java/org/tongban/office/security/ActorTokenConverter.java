package org.tongban.office.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.identity.LoginService;

/**
 * Resolves a validated token's person in the directory on every request, so a disabled person or a changed
 * position takes effect at once instead of when the token expires. The directory, not the token, says what the
 * person may do: a Keycloak token's {@code groups} and roles mirror the directory (see the integration module's
 * sync) but are not trusted for authorisation.
 */
@Component
class ActorTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final DirectoryService directory;
    private final LoginService logins;
    private final boolean keycloak;

    ActorTokenConverter(DirectoryService directory, LoginService logins,
                        @Value("${" + IdentityMode.PROPERTY + ":" + IdentityMode.BUILT_IN + "}") String mode) {
        this.directory = directory;
        this.logins = logins;
        this.keycloak = IdentityMode.KEYCLOAK.equals(mode);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = keycloak ? keycloakUsername(jwt) : builtInUsername(jwt);
        return directory.findActor(username)
                .map(actor -> new ActorAuthentication(actor, jwt))
                .orElseThrow(() -> new DisabledException("账号不存在或已停用"));
    }

    /** Built-in tokens are bound to a server-side session (idle timeout, logout). */
    private String builtInUsername(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username") != null
                ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        String session = jwt.getClaimAsString(TokenService.SESSION_CLAIM);
        if (session != null && !logins.touch(session, username)) {
            throw new CredentialsExpiredException("会话已超时或已退出，请重新登录");
        }
        return username;
    }

    /**
     * Keycloak's {@code sub} is its own user id, so the directory is matched by {@code preferred_username}. Its
     * {@code sid} names Keycloak's SSO session, which the short token lifetime of the realm stands in for.
     */
    private static String keycloakUsername(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        if (username == null || username.isBlank()) {
            throw new DisabledException("令牌中没有用户名 (preferred_username)");
        }
        return username;
    }
}
