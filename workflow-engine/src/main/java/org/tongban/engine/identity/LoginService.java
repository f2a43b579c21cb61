package org.tongban.engine.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.audit.AuditEntry;
import org.tongban.engine.audit.AuditResult;
import org.tongban.engine.audit.AuditTrail;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.identity.persistence.CredentialRow;
import org.tongban.engine.identity.persistence.IdentityMapper;
import org.tongban.engine.identity.persistence.SessionRow;
import org.tongban.engine.platform.InvalidInputException;

/**
 * Built-in login with lockout and sessions: {@code tongban.security.max-failures} (5) wrong passwords in a row
 * lock the account for {@code tongban.security.lockout} (15 min); a session unused for
 * {@code tongban.security.idle-timeout} (30 min) is over, and so is one that logged out.
 */
@Service
public class LoginService {

    /** A session's last-seen time is written at most this often, not on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    private final IdentityMapper mapper;
    private final DirectoryService directory;
    private final AuditTrail audit;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final Duration idleTimeout;
    /** Compared against when the user does not exist, so the answer takes as long as for a wrong password. */
    private final String decoyHash;

    public LoginService(IdentityMapper mapper, DirectoryService directory, AuditTrail audit,
                        PasswordEncoder passwordEncoder, Clock clock,
                        @Value("${tongban.security.max-failures:5}") int maxFailures,
                        @Value("${tongban.security.lockout:15m}") Duration lockout,
                        @Value("${tongban.security.idle-timeout:30m}") Duration idleTimeout) {
        this.mapper = mapper;
        this.directory = directory;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.idleTimeout = idleTimeout;
        this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /** Checks the password and opens a session; a failure is counted even though the call throws. */
    @Transactional(noRollbackFor = LoginFailedException.class)
    public LoginResult login(String username, String password, String clientAddress) {
        Instant now = clock.instant();
        Actor actor = checkPassword(username, password, clientAddress);
        String sessionId = UUID.randomUUID().toString();
        mapper.insertSession(new SessionRow(sessionId, username, clientAddress, now, now, null));
        audit.record(new AuditEntry(username, null, "auth.login", "session", sessionId, AuditResult.SUCCESS,
                clientAddress, null));
        return new LoginResult(actor, sessionId);
    }

    /**
     * Checks a password without opening a session, for clients that send credentials with every request (HTTP
     * Basic on Camunda's REST API, as Camunda Modeler does). Failures count towards the lockout like logins.
     */
    @Transactional(noRollbackFor = LoginFailedException.class)
    public Actor authenticate(String username, String password, String clientAddress) {
        return checkPassword(username, password, clientAddress);
    }

    private Actor checkPassword(String username, String password, String clientAddress) {
        if (username == null || username.isBlank() || password == null) {
            throw new InvalidInputException("请输入用户名和密码");
        }
        Instant now = clock.instant();
        CredentialRow row = mapper.findCredentials(username);
        if (row == null || !row.enabled()) {
            passwordEncoder.matches(password, decoyHash);
            throw refused(username, clientAddress, AuditResult.FAILURE, "用户名或密码错误");
        }
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            throw refused(username, clientAddress, AuditResult.DENIED, lockedMessage(row.lockedUntil(), now));
        }
        if (!passwordEncoder.matches(password, row.passwordHash())) {
            mapper.recordFailure(username, maxFailures, now.plus(lockout));
            CredentialRow after = mapper.findCredentials(username);
            if (after.lockedUntil() != null && after.lockedUntil().isAfter(now)) {
                throw refused(username, clientAddress, AuditResult.FAILURE,
                        "用户名或密码错误，" + lockedMessage(after.lockedUntil(), now));
            }
            throw refused(username, clientAddress, AuditResult.FAILURE, "用户名或密码错误");
        }
        if (row.failedLogins() > 0 || row.lockedUntil() != null) {
            mapper.resetFailures(username);
        }
        return directory.findActor(username).orElseThrow(() -> new LoginFailedException("用户名或密码错误"));
    }

    /** Records the refused login (it commits: the login transaction does not roll back for it) and says why. */
    private LoginFailedException refused(String username, String clientAddress, AuditResult result, String message) {
        audit.record(new AuditEntry(username.length() > 64 ? username.substring(0, 64) : username, null,
                "auth.login.failed", "user", null, result, clientAddress, null));
        return new LoginFailedException(message);
    }

    /**
     * Whether the session is open for this user, and not idle for longer than the timeout; counts as activity.
     */
    @Transactional
    public boolean touch(String sessionId, String username) {
        SessionRow session = mapper.findSession(sessionId);
        Instant now = clock.instant();
        if (session == null || session.endedAt() != null || !session.username().equals(username)
                || session.lastSeenAt().plus(idleTimeout).isBefore(now)) {
            return false;
        }
        if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            mapper.touchSession(sessionId, now);
        }
        return true;
    }

    /** 退出: ends the session; tokens bound to it stop working at once. */
    @Transactional
    public void logout(String sessionId) {
        SessionRow session = mapper.findSession(sessionId);
        if (session != null && mapper.endSession(sessionId, clock.instant()) == 1) {
            audit.record(AuditEntry.success(session.username(), "auth.logout", "session", sessionId));
        }
    }

    /** Changes the actor's own password after checking the current one and the policy. */
    @Transactional
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        CredentialRow row = mapper.findCredentials(actor.username());
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, row.passwordHash())) {
            throw new InvalidInputException("当前密码不正确", Map.of("currentPassword", "不正确"));
        }
        List<String> problems = PasswordPolicy.violations(actor.username(), newPassword);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("新密码不符合要求：" + String.join("；", problems),
                    Map.of("newPassword", String.join("；", problems)));
        }
        mapper.setPassword(actor.username(), passwordEncoder.encode(newPassword), clock.instant());
        audit.record(AuditEntry.success(actor.username(), "auth.password.change", "user", actor.username()));
    }

    private static String lockedMessage(Instant until, Instant now) {
        long minutes = Math.max(1, Duration.between(now, until).plusSeconds(59).toMinutes());
        return "账号已锁定，请 " + minutes + " 分钟后再试";
    }
}
