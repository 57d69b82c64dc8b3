package io.compclose.web;

import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A console user signed in with an OIDC provider: the role and rep id its claims name, so the pages treat them
 * as a user of the users file; no password is kept.
 */
final class OidcConsoleUser extends ConsoleUser implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;
    private final Map<String, Object> claims;

    OidcConsoleUser(String username, ConsoleRole role, String repId, OidcUser signedIn) {
        super(username, "", role, repId);
        this.idToken = signedIn.getIdToken();
        this.userInfo = signedIn.getUserInfo();
        this.claims = Map.copyOf(signedIn.getClaims());
    }

    @Override
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return claims;
    }

    @Override
    public String getName() {
        return getUsername();
    }

    // equal to a user of the same name, as ConsoleUser (User) is; its claims say nothing more about who it is
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
