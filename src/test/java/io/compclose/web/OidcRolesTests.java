package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The claims of an OIDC sign-in, turned into a console role and rep id. */
class OidcRolesTests {

    private final OidcRoles roles = new OidcRoles(request -> {
        throw new AssertionError("no provider in a unit test");
    }, new ConsoleProperties.Oidc("roles", "rep_id"));

    @Test
    void theRoleClaimGivesTheRoleAsAListOrAString() {
        assertThat(OidcRoles.role(List.of("employee", "FINANCE"))).contains(ConsoleRole.FINANCE);
        assertThat(OidcRoles.role("payroll")).contains(ConsoleRole.PAYROLL);
        assertThat(OidcRoles.role("staff, rep")).contains(ConsoleRole.REP);
        // of several, the first in the console's order: finance over payroll over rep
        assertThat(OidcRoles.role(List.of("REP", "PAYROLL", "FINANCE"))).contains(ConsoleRole.FINANCE);
        assertThat(OidcRoles.role(List.of("ADMIN"))).isEmpty();
        assertThat(OidcRoles.role(null)).isEmpty();
    }

    @Test
    void aFinanceUserIsNamedByTheirPreferredUsernameAndHasNoRep() {
        OidcConsoleUser user = roles.consoleUser(signedIn(Map.of("preferred_username", "fiona", "email",
                "fiona@example.com", "roles", List.of("FINANCE"), "rep_id", "R001")), "Acme SSO");

        assertThat(user.getUsername()).isEqualTo("fiona");
        assertThat(user.getName()).isEqualTo("fiona");
        assertThat(user.role()).isEqualTo(ConsoleRole.FINANCE);
        assertThat(user.repId()).isEmpty();
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FINANCE");
    }

    @Test
    void aRepGetsTheRepIdOfTheRepClaimAndIsNamedByEmailWithoutAPreferredUsername() {
        OidcConsoleUser user = roles.consoleUser(signedIn(Map.of("email", "rita@example.com", "roles", "REP",
                "rep_id", " R006 ")), "Acme SSO");

        assertThat(user.getUsername()).isEqualTo("rita@example.com");
        assertThat(user.role()).isEqualTo(ConsoleRole.REP);
        assertThat(user.repId()).isEqualTo("R006");
    }

    @Test
    void otherClaimNamesAreRead() {
        OidcRoles custom = new OidcRoles(request -> null, new ConsoleProperties.Oidc("groups", "employee_number"));
        OidcConsoleUser user = custom.consoleUser(signedIn(Map.of("groups", List.of("rep"), "employee_number", "R002",
                "roles", List.of("FINANCE"))), "Acme SSO");

        assertThat(user.role()).isEqualTo(ConsoleRole.REP);
        assertThat(user.repId()).isEqualTo("R002");
    }

    @Test
    void someoneWithoutAKnownRoleOrARepWithoutARepIdIsRefusedSayingWhy() {
        assertThatThrownBy(() -> roles.consoleUser(signedIn(Map.of("preferred_username", "sam", "roles",
                List.of("ADMIN"))), "Acme SSO"))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(OidcRoles.NO_ROLE);
                    assertThat(e.getError().getDescription()).isEqualTo("sam signed in with Acme SSO, but the claim "
                            + "'roles' gives them no CompClose role (FINANCE, PAYROLL or REP)");
                });
        assertThatThrownBy(() -> roles.consoleUser(signedIn(Map.of("preferred_username", "ron", "roles", "REP")),
                "Acme SSO"))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> assertThat(
                        e.getError().getDescription()).contains("ron signed in with Acme SSO as a REP, but the claim "
                                + "'rep_id' names no rep id"));
    }

    private static OidcUser signedIn(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "subject-1");
        all.put("iss", "https://sso.example.com");
        return new DefaultOidcUser(List.of(), new OidcIdToken("token", Instant.now(),
                Instant.now().plusSeconds(60), all));
    }
}
