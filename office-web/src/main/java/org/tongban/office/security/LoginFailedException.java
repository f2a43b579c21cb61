package org.tongban.office.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/** Wrong username or password; the answer never says which. */
@ResponseStatus(HttpStatus.UNAUTHORIZED)
public class LoginFailedException extends ResponseStatusException {

    public LoginFailedException() {
        super(HttpStatus.UNAUTHORIZED, "用户名或密码错误");
    }
}
