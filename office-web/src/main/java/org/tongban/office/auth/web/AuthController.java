package org.tongban.office.auth.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
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
import org.tongban.office.security.TokenService;

/** Built-in login: username and password in, bearer token out; logout; change one's own password. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "登录")
class AuthController {

    private final LoginService logins;
    private final TokenService tokens;

    AuthController(LoginService logins, TokenService tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    @PostMapping("/login")
    @Operation(summary = "登录，取得访问令牌 (Bearer)；连续 5 次密码错误锁定 15 分钟")
    LoginResponse login(@RequestBody LoginRequest request, HttpServletRequest http) {
        if (request == null) {
            throw new InvalidInputException("请输入用户名和密码");
        }
        LoginResult result = logins.login(request.username(), request.password(), http.getRemoteAddr());
        return new LoginResponse(tokens.issue(result.actor(), result.sessionId()), me(result.actor()));
    }

    @PostMapping("/logout")
    @Operation(summary = "退出：结束会话，令牌随即失效")
    ResponseEntity<Void> logout() {
        if (SecurityContextHolder.getContext().getAuthentication().getCredentials() instanceof Jwt jwt
                && jwt.getClaimAsString(TokenService.SESSION_CLAIM) != null) {
            logins.logout(jwt.getClaimAsString(TokenService.SESSION_CLAIM));
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password")
    @Operation(summary = "修改本人密码（口令复杂度：至少 8 位，含三类字符，不含用户名）")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Actor actor, @RequestBody PasswordChange change) {
        logins.changePassword(actor, change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "当前用户及其岗位")
    Me me(@AuthenticationPrincipal Actor actor) {
        return new Me(actor.username(), actor.displayName(), actor.positions());
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
