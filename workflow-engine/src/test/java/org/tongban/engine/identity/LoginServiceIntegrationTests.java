package org.tongban.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.testsupport.MutableClock;
import org.tongban.engine.testsupport.TestUsers;

/** Lockout, sessions and password change on the real database. */
@SpringBootTest(classes = EngineTestApplication.class)
@Import(MutableClock.Config.class)
class LoginServiceIntegrationTests {

    @Autowired
    LoginService logins;
    @Autowired
    DirectoryService directory;
    @Autowired
    MutableClock clock;

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        String user = TestUsers.FIRE_REVIEWER;
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> logins.login(user, "wrong", "127.0.0.1"))
                    .isInstanceOf(LoginFailedException.class).hasMessage("用户名或密码错误");
        }
        assertThatThrownBy(() -> logins.login(user, "wrong", "127.0.0.1")).hasMessageContaining("账号已锁定");
        // even the right password is refused while locked
        assertThatThrownBy(() -> logins.login(user, TestUsers.PASSWORD, "127.0.0.1"))
                .hasMessageContaining("15 分钟");
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> logins.login(user, TestUsers.PASSWORD, "127.0.0.1")).hasMessageContaining("1 分钟");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(logins.login(user, TestUsers.PASSWORD, "127.0.0.1").actor().username()).isEqualTo(user);
        // a success resets the count: four more failures do not lock
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> logins.login(user, "wrong", null)).hasMessage("用户名或密码错误");
        }
        assertThat(logins.login(user, TestUsers.PASSWORD, null).sessionId()).isNotBlank();
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() {
        assertThatThrownBy(() -> logins.login("nobody", "x", null)).hasMessage("用户名或密码错误");
        assertThatThrownBy(() -> logins.login(" ", "x", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sessionsEndWhenIdleForThirtyMinutesOrLoggedOut() {
        LoginResult first = logins.login(TestUsers.CITY_REVIEWER, TestUsers.PASSWORD, null);
        assertThat(logins.touch(first.sessionId(), TestUsers.CITY_REVIEWER)).isTrue();
        assertThat(logins.touch(first.sessionId(), TestUsers.CITY_HANDLER)).isFalse();
        clock.advance(Duration.ofMinutes(29));
        assertThat(logins.touch(first.sessionId(), TestUsers.CITY_REVIEWER)).isTrue(); // activity restarts the clock
        clock.advance(Duration.ofMinutes(29));
        assertThat(logins.touch(first.sessionId(), TestUsers.CITY_REVIEWER)).isTrue();
        clock.advance(Duration.ofMinutes(31));
        assertThat(logins.touch(first.sessionId(), TestUsers.CITY_REVIEWER)).isFalse();

        LoginResult second = logins.login(TestUsers.CITY_REVIEWER, TestUsers.PASSWORD, null);
        logins.logout(second.sessionId());
        assertThat(logins.touch(second.sessionId(), TestUsers.CITY_REVIEWER)).isFalse();
        assertThat(logins.touch("no-such-session", TestUsers.CITY_REVIEWER)).isFalse();
    }

    @Test
    void passwordChangeChecksTheCurrentPasswordAndThePolicy() {
        var actor = directory.findActor(TestUsers.ENV_XIHU_REVIEWER).orElseThrow();
        assertThatThrownBy(() -> logins.changePassword(actor, "wrong", "Xihu#2027new"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("当前密码");
        assertThatThrownBy(() -> logins.changePassword(actor, TestUsers.PASSWORD, "simple"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("至少 8 位");
        assertThat(logins.login(TestUsers.ENV_XIHU_REVIEWER, TestUsers.PASSWORD, null)).isNotNull();

        logins.changePassword(actor, TestUsers.PASSWORD, "Xihu#2027new");
        assertThat(logins.login(TestUsers.ENV_XIHU_REVIEWER, "Xihu#2027new", null)).isNotNull();
        assertThatThrownBy(() -> logins.login(TestUsers.ENV_XIHU_REVIEWER, TestUsers.PASSWORD, null))
                .isInstanceOf(LoginFailedException.class);
    }
}
