package org.tongban.office.auth.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Position;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.office.security.LoginFailedException;
import org.tongban.office.security.TokenService;

/** Built-in login: username and password in, bearer token out. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "登录")
class AuthController {

    private final DirectoryService directory;
    private final TokenService tokens;

    AuthController(DirectoryService directory, TokenService tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    @PostMapping("/login")
    @Operation(summary = "登录，取得访问令牌 (Bearer)")
    LoginResponse login(@RequestBody LoginRequest request) {
        if (request == null || request.username() == null || request.password() == null) {
            throw new InvalidInputException("请输入用户名和密码");
        }
        Actor actor = directory.authenticate(request.username(), request.password())
                .orElseThrow(LoginFailedException::new);
        return new LoginResponse(tokens.issue(actor), me(actor));
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

    record Me(String username, String displayName, List<Position> positions) {
    }
}
