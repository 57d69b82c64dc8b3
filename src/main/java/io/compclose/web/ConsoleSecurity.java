package io.compclose.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may see what in the console: finance runs and reviews the close, payroll takes its files, a rep reads
 * their own pay. Sign-in is a form against the users file, slowed after repeated failures, and where configured
 * an OIDC provider ({@link OidcSignIn}); CSRF protection is
 * on. Actuator stays open as before {@code serve} had a console: it listens on this machine only.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ConsoleUsers consoleUsers(ConsoleProperties properties, PasswordEncoder encoder) {
        return new ConsoleUsers(properties, encoder);
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(clock);
    }

    @Bean
    SecurityFilterChain console(HttpSecurity http, ConsoleUsers users, PasswordEncoder encoder,
            LoginThrottle throttle, ObjectProvider<ClientRegistrationRepository> registrations,
            ConsoleProperties properties) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        http.authenticationManager(new ProviderManager(new ThrottledAuthentication(passwords, throttle)))
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers("/actuator/**", "/login", "/console.css", "/error", OidcSignIn.REFUSED)
                                .permitAll()
                        .requestMatchers("/periods/**", "/inquiries/**", "/audit/**")
                                .hasRole(ConsoleRole.FINANCE.name())
                        .requestMatchers("/payroll/**").hasAnyRole(ConsoleRole.PAYROLL.name(),
                                ConsoleRole.FINANCE.name())
                        .requestMatchers("/me/**").hasRole(ConsoleRole.REP.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"));
        OidcSignIn.configure(http, registrations, properties);
        return http.build();
    }
}
