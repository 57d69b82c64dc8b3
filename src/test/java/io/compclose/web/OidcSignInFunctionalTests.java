package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.compclose.cli.InProcessServe;

/**
 * The console with an OIDC provider configured by explicit endpoints (nothing listens there: no request leaves
 * this JVM): the sign-in page offers it beside the form, and its link starts the authorization code flow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInFunctionalTests {

    private static final String REGISTRATION = "--spring.security.oauth2.client.registration.acme.";
    private static final String PROVIDER = "--spring.security.oauth2.client.provider.acme.";

    private ConfigurableApplicationContext console;
    private MockMvc mvc;

    @BeforeAll
    void aConsoleWithAnOidcRegistration() throws Exception {
        console = InProcessServe.start(Files.createTempDirectory("oidc-console").resolve("out"), DemoConsole.quiet(),
                REGISTRATION + "client-id=compclose", REGISTRATION + "client-authentication-method=none",
                REGISTRATION + "client-name=Acme SSO", REGISTRATION + "provider=acme",
                REGISTRATION + "authorization-grant-type=authorization_code",
                REGISTRATION + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                REGISTRATION + "scope=openid,profile",
                PROVIDER + "authorization-uri=http://127.0.0.1:9/authorize",
                PROVIDER + "token-uri=http://127.0.0.1:9/token",
                PROVIDER + "jwk-set-uri=http://127.0.0.1:9/jwks",
                PROVIDER + "user-name-attribute=sub");
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) console).apply(springSecurity()).build();
    }

    @AfterAll
    void stop() {
        console.close();
    }

    @Test
    void theSignInPageOffersTheProviderBesideTheForm() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(login).contains("<a href=\"/oauth2/authorization/acme\">Sign in with Acme SSO</a>")
                .contains("name=\"password\"");
    }

    @Test
    void itsLinkSendsTheBrowserToTheProvidersAuthorizationEndpoint() throws Exception {
        MvcResult redirect = mvc.perform(get("/oauth2/authorization/acme")).andReturn();

        assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
        assertThat(redirect.getResponse().getRedirectedUrl()).startsWith("http://127.0.0.1:9/authorize?")
                .contains("response_type=code").contains("client_id=compclose").contains("scope=openid%20profile")
                .contains("redirect_uri=http://localhost/login/oauth2/code/acme");
    }

    @Test
    void aPageAsksAnUnsignedVisitorToSignInWhereTheProviderIsOffered() throws Exception {
        MvcResult periods = mvc.perform(get("/periods")).andReturn();

        assertThat(periods.getResponse().getRedirectedUrl()).isEqualTo("/login");
    }

    @Test
    void someoneTheClaimsGiveNoRoleIsAnswered403SayingWhy() throws Exception {
        OAuth2AuthenticationException noRole = new OAuth2AuthenticationException(new OAuth2Error(OidcRoles.NO_ROLE,
                "sam signed in with Acme SSO, but the claim 'roles' gives them no CompClose role", null));

        MvcResult refused = mvc.perform(get(OidcSignIn.REFUSED)
                .requestAttr(WebAttributes.AUTHENTICATION_EXCEPTION, noRole)).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(DemoConsole.text(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .contains("sam signed in with Acme SSO, but the claim 'roles' gives them no CompClose role")
                .contains("Ask whoever manages your company's sign-in to give you the FINANCE, PAYROLL or REP role");
    }
}
