package org.tongban.office.auth.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Position;
import org.tongban.engine.identity.LoginResult;
import org.tongban.engine.identity.LoginService;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.integration.keycloak.KeycloakProperties;
import org.tongban.office.security.IdentityMode;
import org.tongban.office.security.TokenService;

/**
 * Built-in login: username and password in, bearer token out; logout; change one's own password. In the
 * {@code keycloak} identity mode people log in and change passwords at Keycloak, and these endpoints say so.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "登录")
class AuthController {

    /** Where a browser starts the OIDC login in the keycloak mode (Spring Security's authorization endpoint). */
    static final String KEYCLOAK_LOGIN_PATH = "/oauth2/authorization/keycloak";

    private final LoginService logins;
    private final TokenService tokens;
    private final boolean keycloak;
    private final String issuer;

    AuthController(LoginService logins, TokenService tokens,
                   @Value("${" + IdentityMode.PROPERTY + ":" + IdentityMode.BUILT_IN + "}") String mode,
                   ObjectProvider<KeycloakProperties> keycloakProperties) {
        this.logins = logins;
        this.tokens = tokens;
        this.keycloak = IdentityMode.KEYCLOAK.equals(mode);
        this.issuer = keycloak ? keycloakProperties.getObject().issuerUri() : null;
    }

    @PostMapping("/login")
    @Operation(summary = "登录，取得访问令牌 (Bearer)；连续 5 次密码错误锁定 15 分钟")
    LoginResponse login(@RequestBody(required = false) LoginRequest request, HttpServletRequest http) {
        if (keycloak) {
            throw atIdentityProvider("本系统使用统一身份认证（Keycloak）登录，请从登录页进入");
        }
        if (request == null) {
            throw new InvalidInputException("请输入用户名和密码");
        }
        LoginResult result = logins.login(request.username(), request.password(), http.getRemoteAddr());
        return new LoginResponse(tokens.issue(result.actor(), result.sessionId()), me(result.actor()));
    }

    @PostMapping("/logout")
    @Operation(summary = "退出：结束会话，令牌随即失效（Keycloak 模式下由前端在 Keycloak 退出）")
    ResponseEntity<Void> logout() {
        // Keycloak's tokens carry Keycloak's session id; that session ends at Keycloak (the UI's RP-initiated logout)
        if (!keycloak && SecurityContextHolder.getContext().getAuthentication().getCredentials() instanceof Jwt jwt
                && jwt.getClaimAsString(TokenService.SESSION_CLAIM) != null) {
            logins.logout(jwt.getClaimAsString(TokenService.SESSION_CLAIM));
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password")
    @Operation(summary = "修改本人密码（口令复杂度：至少 8 位，含三类字符，不含用户名）")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Actor actor, @RequestBody PasswordChange change) {
        if (keycloak) {
            throw atIdentityProvider("密码由统一身份认证（Keycloak）管理，请在其账户页面修改");
        }
        logins.changePassword(actor, change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "当前用户及其岗位")
    Me me(@AuthenticationPrincipal Actor actor) {
        return new Me(actor.username(), actor.displayName(), actor.positions());
    }

    /** 400 with where to go instead: the login URL of this application and the realm (its account page). */
    private ErrorResponseException atIdentityProvider(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("https://tongban.org/problems/login-at-identity-provider"));
        problem.setProperty("loginUrl", KEYCLOAK_LOGIN_PATH);
        problem.setProperty("issuer", issuer);
        problem.setProperty("accountUrl", issuer + "/account");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    record LoginRequest(String username, String password) {
    }

    record LoginResponse(TokenService.IssuedToken token, Me user) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record Me(String username, String displayName, List<Position> positions) {
    }
}
