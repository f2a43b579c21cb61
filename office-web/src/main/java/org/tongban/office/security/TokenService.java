package org.tongban.office.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.stereotype.Component;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Position;

/** Issues and validates the built-in login's tokens (HMAC-SHA256 JWTs). */
@Component
public class TokenService {

    /** The issuer claim of built-in tokens. */
    public static final String ISSUER = "tongban";

    private final SecretKey key;
    private final NimbusJwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    TokenService(@Value("${tongban.security.jwt-secret:}") String secret,
                 @Value("${tongban.security.token-lifetime:8h}") Duration lifetime, Clock clock) {
        byte[] bytes = secret.isBlank() ? randomKey() : secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("tongban.security.jwt-secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The claim naming the server-side session a built-in token is bound to. */
    public static final String SESSION_CLAIM = "sid";

    /** A token for the actor bound to a session, valid for the configured lifetime (the session may end sooner). */
    public IssuedToken issue(Actor actor, String sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(actor.username())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(SESSION_CLAIM, sessionId)
                .claim("name", actor.displayName())
                .claim("groups", actor.positions().stream().map(Position::group).sorted().toList())
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(value, "Bearer", lifetime.toSeconds());
    }

    /** The decoder that accepts only this service's tokens: signature, issuer and expiry (no clock skew). */
    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(ISSUER),
                new JwtTimestampValidator(Duration.ZERO)));
        return decoder;
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A bearer token as the login endpoint returns it. */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }
}
