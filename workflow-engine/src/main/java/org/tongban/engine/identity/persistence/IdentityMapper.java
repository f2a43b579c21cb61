package org.tongban.engine.identity.persistence;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Credentials and sessions. */
@Mapper
public interface IdentityMapper {

    CredentialRow findCredentials(@Param("username") String username);

    /**
     * Counts a failed login in one statement (so concurrent failures are all counted); the failure that reaches
     * {@code maxFailures} locks the account until {@code lockUntil} and restarts the count.
     */
    void recordFailure(@Param("username") String username, @Param("maxFailures") int maxFailures,
                       @Param("lockUntil") Instant lockUntil);

    void resetFailures(@Param("username") String username);

    void setPassword(@Param("username") String username, @Param("passwordHash") String passwordHash,
                     @Param("changedAt") Instant changedAt);

    void insertSession(SessionRow session);

    SessionRow findSession(@Param("id") String id);

    void touchSession(@Param("id") String id, @Param("lastSeenAt") Instant lastSeenAt);

    int endSession(@Param("id") String id, @Param("endedAt") Instant endedAt);
}
