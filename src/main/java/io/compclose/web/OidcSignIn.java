package io.compclose.web;

import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Sign-in with an OIDC provider, where {@code spring.security.oauth2.client.registration.*} configures one: the
 * sign-in page offers each registration beside the form, the claims give the role ({@link OidcRoles}), and
 * someone they give none is answered 403 with a page that says so. Without a registration nothing changes.
 */
@Controller
@ControllerAdvice(assignableTypes = ConsoleController.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OidcSignIn {

    /** Where a sign-in the claims give no role ends. */
    static final String REFUSED = "/signin-refused";

    /** A provider as the sign-in page offers it. */
    public record Provider(String name, String url) {
    }

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    public OidcSignIn(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    /** Adds the OIDC sign-in to the console's filter chain where a registration is configured. */
    static void configure(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
            ConsoleProperties properties) throws Exception {
        if (registrations.getIfAvailable() == null) {
            return;
        }
        AuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler(REFUSED) {
            {
                setUseForward(true); // the page reads why from the request, and answers 403 at the same address
            }
        };
        AuthenticationFailureHandler otherwise = new SimpleUrlAuthenticationFailureHandler("/login?error");
        http.oauth2Login(oidc -> oidc.loginPage("/login")
                .defaultSuccessUrl("/", true)
                .userInfoEndpoint(info -> info.oidcUserService(new OidcRoles(new OidcUserService(), properties.oidc())))
                .failureHandler((request, response, failure) -> (failure instanceof OAuth2AuthenticationException oauth
                        && OidcRoles.NO_ROLE.equals(oauth.getError().getErrorCode()) ? refused : otherwise)
                        .onAuthenticationFailure(request, response, failure)));
    }

    /** The sign-in page's providers: "Sign in with <name>" for each registration. */
    @ModelAttribute("providers")
    List<Provider> providers() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (!(repository instanceof Iterable<?> all)) {
            return List.of();
        }
        return StreamSupport.stream(all.spliterator(), false)
                .map(org.springframework.security.oauth2.client.registration.ClientRegistration.class::cast)
                .map(r -> new Provider(r.getClientName(), "/oauth2/authorization/" + r.getRegistrationId()))
                .toList();
    }

    @RequestMapping(REFUSED)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("why", failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getDescription() : "You are not signed in to CompClose.");
        return "signin-refused";
    }
}
