package io.compclose.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns an OIDC sign-in into a console user: the role from the role claim (FINANCE, PAYROLL or REP, as a list
 * or a string; of several, the first in that order), a REP's rep id from the rep claim. Someone the claims give
 * no role, or a REP no rep id, is refused with {@link #NO_ROLE}: the provider knows them, CompClose does not.
 */
final class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The sign-in error of a user the claims give no console role. */
    static final String NO_ROLE = "compclose_no_role";

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final ConsoleProperties.Oidc claims;

    OidcRoles(OAuth2UserService<OidcUserRequest, OidcUser> provider, ConsoleProperties.Oidc claims) {
        this.provider = provider;
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return consoleUser(provider.loadUser(request), request.getClientRegistration().getClientName());
    }

    OidcConsoleUser consoleUser(OidcUser signedIn, String providerName) {
        String username = Stream.of(signedIn.getPreferredUsername(), signedIn.getEmail(), signedIn.getSubject())
                .filter(name -> name != null && !name.isBlank()).findFirst().orElse("unknown");
        Optional<ConsoleRole> role = role(signedIn.getClaims().get(claims.roleClaim()));
        String repId = Optional.ofNullable(signedIn.getClaims().get(claims.repClaim())).map(Object::toString)
                .map(String::strip).orElse("");
        if (role.isEmpty()) {
            throw refused(username + " signed in with " + providerName + ", but the claim '" + claims.roleClaim()
                    + "' gives them no CompClose role (FINANCE, PAYROLL or REP)");
        }
        if (role.get() == ConsoleRole.REP && repId.isEmpty()) {
            throw refused(username + " signed in with " + providerName + " as a REP, but the claim '"
                    + claims.repClaim() + "' names no rep id, so there are no statements to show them");
        }
        return new OidcConsoleUser(username, role.get(), role.get() == ConsoleRole.REP ? repId : "", signedIn);
    }

    /** The role a claim gives: its known values, a list or a string of them separated by spaces or commas. */
    static Optional<ConsoleRole> role(Object claim) {
        Stream<String> values = claim instanceof Collection<?> list ? list.stream().map(String::valueOf)
                : claim == null ? Stream.empty() : Arrays.stream(claim.toString().split("[\\s,]+"));
        var named = values.map(value -> value.strip().toUpperCase(Locale.ROOT)).toList();
        return Arrays.stream(ConsoleRole.values()).filter(role -> named.contains(role.name())).findFirst();
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE, why, null), why);
    }
}
