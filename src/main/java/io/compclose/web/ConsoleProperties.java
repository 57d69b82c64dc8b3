package io.compclose.web;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the console, bound from {@code compclose.console.*}.
 *
 * @param users   the users file (username, role, rep id, bcrypt hash of the password); {@code serve} puts it
 *                under {@code --out}, and its first start writes one demo user per role into it
 * @param demoRep the rep the first start's demo REP user is
 * @param inbox   where {@code console} (no job catalog) starts a close from, {@code {period}} standing for the
 *                month, relative to the working directory; {@code serve} takes its monthly close job's inbox
 * @param oidc    the claims of an OIDC sign-in (where {@code spring.security.oauth2.client.registration.*} is set)
 */
@ConfigurationProperties("compclose.console")
public record ConsoleProperties(@DefaultValue("out/console/users.csv") Path users,
        @DefaultValue("R001") String demoRep, @DefaultValue("inbox/{period}") String inbox,
        @DefaultValue Oidc oidc) {

    /**
     * @param roleClaim the claim holding the user's role: FINANCE, PAYROLL or REP (a list or a string)
     * @param repClaim  the claim holding a REP's rep id
     */
    public record Oidc(@DefaultValue("roles") String roleClaim, @DefaultValue("rep_id") String repClaim) {
    }
}
