package io.github.sarisync.testkit;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth side of the simulator: the password and refresh-token grants of
 * {@code GET /oauth/v2/token}, and the check of bearer tokens. Access tokens expire after the
 * configured lifetime on the simulator clock; a refresh token is used once (a new one comes with
 * every grant) and lives until {@link #expireAll()}.
 */
final class TokenStore {
    private record Grant(SchoolState school, long expiresAtMillis) {
    }

    private final SimulatorState state;
    private final SimulatorClock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, SchoolState> refreshTokens = new ConcurrentHashMap<>();

    TokenStore(SimulatorState state, SimulatorClock clock, Duration lifetime) {
        this.state = state;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The school whose credentials a token request names (for counters and faults), or null. */
    SchoolState schoolOf(Map<String, String> params) {
        if ("refresh_token".equals(params.get("grant_type"))) {
            String token = params.get("refresh_token");
            return token == null ? null : refreshTokens.get(token);
        }
        return state.schoolByUsername(params.get("username"));
    }

    /** The school a bearer token belongs to while it is valid, else null. */
    SchoolState authenticate(String bearer) {
        if (bearer == null) {
            return null;
        }
        Grant grant = accessTokens.get(bearer);
        if (grant == null) {
            return null;
        }
        // an expired token stays known until expireAll(), so its requests still count for its school
        return clock.millis() >= grant.expiresAtMillis ? null : grant.school;
    }

    /** The school a bearer token names, valid or not (for counters and faults), or null. */
    SchoolState ownerOf(String bearer) {
        Grant grant = bearer == null ? null : accessTokens.get(bearer);
        return grant == null ? null : grant.school;
    }

    /** Answers a token request. */
    Answer token(Map<String, String> params) {
        String grantType = params.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", "grant_type is missing");
        }
        SchoolState school;
        if ("password".equals(grantType)) {
            school = state.schoolByUsername(params.get("username"));
            if (school != null && !clientMatches(school, params)) {
                return error(401, "invalid_client", "The client credentials are invalid");
            }
            if (school == null || !school.credentials.password().equals(params.get("password"))) {
                return error(400, "invalid_grant", "Invalid username and password combination");
            }
        } else if ("refresh_token".equals(grantType)) {
            String refresh = params.get("refresh_token");
            school = refresh == null ? null : refreshTokens.get(refresh);
            if (school != null && !clientMatches(school, params)) {
                return error(401, "invalid_client", "The client credentials are invalid");
            }
            if (school == null || !refreshTokens.remove(refresh, school)) {
                return error(400, "invalid_grant", "Invalid refresh token");
            }
        } else {
            return error(400, "unsupported_grant_type", "Invalid grant_type parameter or parameter missing");
        }
        String access = newToken();
        String refresh = newToken();
        accessTokens.put(access, new Grant(school, clock.millis() + lifetime.toMillis()));
        refreshTokens.put(refresh, school);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("expires_in", lifetime.toSeconds());
        body.put("token_type", "bearer");
        body.put("scope", "user");
        body.put("refresh_token", refresh);
        return Answer.json(200, body);
    }

    /** Makes one access token expire now (it stays known, so its requests still count for its school). */
    void expire(String bearer) {
        if (bearer != null) {
            accessTokens.computeIfPresent(bearer, (token, grant) -> new Grant(grant.school(), Long.MIN_VALUE));
        }
    }

    /** Makes every access and refresh token unknown, as after a restart of SARI. */
    void expireAll() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    private static boolean clientMatches(SchoolState school, Map<String, String> params) {
        return school.credentials.clientId().equals(params.get("client_id"))
                && school.credentials.clientSecret().equals(params.get("client_secret"));
    }

    private static Answer error(int http, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Answer.json(http, body);
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(48);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
