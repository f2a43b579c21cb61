package org.tongban.office.ui.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the UI needs to know before anyone logs in: which login to show. This is the seam for the Keycloak mode:
 * {@code tongban.ui.login=oidc} with {@code tongban.ui.oidc-login-url} makes the login page offer the identity
 * provider instead of the built-in form.
 */
@RestController
@RequestMapping("/api/ui")
@Tag(name = "界面")
class UiConfigController {

    private final UiConfig config;

    UiConfigController(@Value("${tongban.ui.login:builtin}") String login,
                       @Value("${tongban.ui.oidc-login-url:}") String oidcLoginUrl) {
        this.config = new UiConfig(login, oidcLoginUrl.isBlank() ? null : oidcLoginUrl);
    }

    @GetMapping("/config")
    @Operation(summary = "界面配置（无需登录）：登录方式 builtin（内置账号）或 oidc（统一身份认证）")
    UiConfig config() {
        return config;
    }

    /** {@code login}: {@code builtin} or {@code oidc}; {@code oidcLoginUrl}: where the oidc mode starts. */
    record UiConfig(String login, String oidcLoginUrl) {
    }
}
