package org.tongban.office.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An RSA key whose private half the test holds, so that it can sign tokens that differ from a valid one in
 * exactly one claim. {@link #registeredWith} adds it to the realm as an extra, low-priority signing key
 * (Keycloak keeps signing with its own key but publishes this one in the realm's JWK set); {@link #unregistered}
 * is a key nobody publishes.
 */
public final class RealmSigningKey {

    private final KeyPair keys;
    private final String kid;

    private RealmSigningKey(KeyPair keys, String kid) {
        this.keys = keys;
        this.kid = kid;
    }

    public static RealmSigningKey registeredWith(KeycloakServer keycloak) {
        KeyPair keys = generate();
        String realmId = keycloak.admin("GET", "", null).body().path("id").asText();
        KeycloakServer.Answer created = keycloak.admin("POST", "/components", Map.of(
                "name", "test-signing-key-" + UUID.randomUUID(),
                "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId,
                "config", Map.of("priority", List.of("10"), "algorithm", List.of("RS256"),
                        "active", List.of("true"), "enabled", List.of("true"),
                        "privateKey", List.of(Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())))));
        if (created.status() != 201) {
            throw new IllegalStateException("Keycloak did not take the test key: " + created);
        }
        // Keycloak names the key itself; find it in the published set by its modulus
        String modulus = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).build().getModulus().toString();
        JsonNode jwks = keycloak.getJson(keycloak.issuer() + "/protocol/openid-connect/certs");
        for (JsonNode key : jwks.path("keys")) {
            if (modulus.equals(key.path("n").asText())) {
                return new RealmSigningKey(keys, key.path("kid").asText());
            }
        }
        throw new IllegalStateException("the test key is not in the realm's JWK set: " + jwks);
    }

    public static RealmSigningKey unregistered() {
        return new RealmSigningKey(generate(), "not-published-" + UUID.randomUUID());
    }

    /** A JWT with these claims, RS256-signed with this key. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
