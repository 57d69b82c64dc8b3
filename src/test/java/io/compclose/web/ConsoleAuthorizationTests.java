package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.file.Files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the console against every role: the table below must name each one the application maps, so a
 * page added without deciding who may see it fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuthorizationTests {

    private static final Set<String> FINANCE = Set.of("finance");
    private static final Set<String> FINANCE_PAYROLL = Set.of("finance", "payroll");
    private static final Set<String> REP = Set.of("rep");
    private static final Set<String> SIGNED_IN = Set.of("finance", "payroll", "rep");
    private static final Set<String> ANYONE = Set.of();
    /** The page an OIDC sign-in without a role lands on: it answers 403 to everyone, saying why. */
    private static final Set<String> REFUSAL = Set.of("no one");

    /** Method and pattern → the users who may use it; {@link #ANYONE} means no sign-in is needed. */
    static final Map<String, Set<String>> WHO_MAY = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /login", ANYONE),
            Map.entry("GET /signin-refused", REFUSAL),
            Map.entry("GET /", SIGNED_IN),
            Map.entry("GET /periods", FINANCE),
            Map.entry("GET /periods/{period}/review", FINANCE),
            Map.entry("POST /periods/{period}/approve", FINANCE),
            Map.entry("POST /periods/{period}/continue", FINANCE),
            Map.entry("GET /periods/{period}/close", FINANCE),
            Map.entry("GET /periods/{period}/rejects", FINANCE),
            Map.entry("GET /periods/{period}/rejects.csv", FINANCE),
            Map.entry("GET /periods/{period}/reconciliation", FINANCE),
            Map.entry("GET /periods/{period}/statements", FINANCE),
            Map.entry("GET /periods/{period}/statements/{rep}/{version}.pdf", FINANCE),
            Map.entry("GET /periods/{period}/statements/{rep}/resend", FINANCE),
            Map.entry("POST /periods/{period}/statements/{rep}/resend", FINANCE),
            Map.entry("GET /periods/{period}/lock", FINANCE),
            Map.entry("POST /periods/{period}/lock", FINANCE),
            Map.entry("GET /audit", FINANCE),
            Map.entry("GET /payroll", FINANCE_PAYROLL),
            Map.entry("GET /payroll/files/{name}", FINANCE_PAYROLL),
            Map.entry("GET /me", REP),
            Map.entry("GET /me/statements/{period}/{version}", REP),
            Map.entry("GET /statements/{period}/{rep}", SIGNED_IN),
            Map.entry("GET /periods/start", FINANCE),
            Map.entry("GET /periods/{period}/start", FINANCE),
            Map.entry("POST /periods/{period}/start", FINANCE),
            Map.entry("GET /periods/{period}/reps", FINANCE),
            Map.entry("GET /periods/{period}/reps/{rep}", FINANCE),
            Map.entry("GET /periods/{period}/reps/{rep}/ytd", FINANCE),
            Map.entry("GET /periods/{period}/usage/{account}/{month}", FINANCE),
            Map.entry("GET /me/ytd", REP),
            Map.entry("GET /me/statements/{period}/{version}/page", REP),
            Map.entry("GET /inquiries", FINANCE),
            Map.entry("GET /inquiries/{id}", FINANCE),
            Map.entry("GET /inquiries/{id}/attachment", FINANCE),
            Map.entry("POST /inquiries/{id}/answer", FINANCE),
            Map.entry("POST /inquiries/{id}/resolve", FINANCE),
            Map.entry("POST /inquiries/{id}/approve", FINANCE),
            Map.entry("POST /inquiries/{id}/decline", FINANCE),
            Map.entry("POST /inquiries/{id}/messages/{no}/resend", FINANCE),
            Map.entry("GET /me/inquiries", REP),
            Map.entry("GET /me/inquiries/new", REP),
            Map.entry("POST /me/inquiries", REP),
            Map.entry("GET /me/inquiries/{id}", REP),
            Map.entry("GET /me/inquiries/{id}/attachment", REP)));

    /** What each path variable is filled with: October's real figures, so an allowed user sees a page. */
    static final Map<String, String> VALUES = Map.of("period", "2026-10", "version", "1", "rep", "R001",
            "name", "payroll-2026-10.csv", "id", "1", "no", "1", "account", "A-310", "month", "2026-10");

    private DemoConsole demo;

    @BeforeAll
    void theDemoConsole() throws Exception {
        demo = DemoConsole.shared();
    }

    @Test
    void theTableNamesEveryEndpointTheConsoleMaps() {
        Set<String> mapped = new TreeSet<>();
        demo.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(method -> mapped.add(method + " " + pattern));
                }));
        mapped.removeIf(endpoint -> endpoint.endsWith(" /error"));
        assertThat(mapped).isEqualTo(WHO_MAY.keySet());
    }

    /**
     * A user not named is refused (403) everywhere, before any handler runs; one named is let through to the handler,
     * which answers a page, a redirect or a not-found, never 403. POSTs go to the handler only for those refused, so a
     * test of who may approve never approves.
     */
    @Test
    void eachRoleReachesItsPagesAndIsRefusedTheOthers() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var endpoint : WHO_MAY.entrySet()) {
            String[] methodAndPattern = endpoint.getKey().split(" ");
            HttpMethod method = HttpMethod.valueOf(methodAndPattern[0]);
            String path = fill(methodAndPattern[1]);
            for (String user : List.of("finance", "payroll", "rep")) {
                boolean allowed = endpoint.getValue().isEmpty() || endpoint.getValue().contains(user);
                if (allowed && method != HttpMethod.GET) {
                    continue;
                }
                int status = demo.mvc.perform(request(method, path).with(demo.as(user)).with(csrf())).andReturn()
                        .getResponse().getStatus();
                if (allowed == (status == 403)) {
                    wrong.add(user + " " + method + " " + path + " → " + status);
                }
            }
            if (endpoint.getValue() == REFUSAL) {
                int status = demo.mvc.perform(request(method, path)).andReturn().getResponse().getStatus();
                if (status != 403) {
                    wrong.add("signed out " + method + " " + path + " → " + status);
                }
            } else if (!endpoint.getValue().isEmpty()) {
                MvcResult anonymous = demo.mvc.perform(request(method, path).with(csrf())).andReturn();
                if (anonymous.getResponse().getRedirectedUrl() == null
                        || !anonymous.getResponse().getRedirectedUrl().endsWith("/login")) {
                    wrong.add("signed out " + method + " " + path + " → " + anonymous.getResponse().getStatus());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Rep B (R002) signed in, against rep A's (R001) statement, PDF, year to date and inquiry: a URL naming A is
     * refused and recorded; a URL of one's own ("/me/...") shows B's figures whatever B tries.
     */
    @Test
    void aRepNeverSeesAnotherRepsStatementYearToDateInquiryOrPdf() throws Exception {
        RequestPostProcessor repA = demo.as("rep");
        RequestPostProcessor repB = user(new ConsoleUser("rep-b", "unused", ConsoleRole.REP, "R002"));
        String location = demo.mvc.perform(multipart("/me/inquiries").param("period", "2026-10")
                .param("version", "1").param("line", "1").param("text", "Is B-1017 at 8 %?").with(repA).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/me/inquiries/\\d+");
        assertThat(status(location, repA)).isEqualTo(200);

        for (String path : List.of(location, location + "/attachment", "/statements/2026-10/R001",
                "/periods/2026-10/reps/R001", "/periods/2026-10/reps/R001/ytd", "/inquiries")) {
            assertThat(status(path, repB)).as(path).isEqualTo(403);
        }
        assertThat(demo.jdbc().queryForList("SELECT detail FROM audit_event WHERE actor = 'rep-b' AND action = "
                + "'refused'", String.class)).hasSize(3)
                .allSatisfy(detail -> assertThat(detail).contains("R002"));

        byte[] pdfOfB = demo.mvc.perform(get("/me/statements/2026-10/1").with(repB)).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(pdfOfB).isEqualTo(Files.readAllBytes(demo.out.resolve("statements/2026-10/R002.pdf")))
                .isNotEqualTo(Files.readAllBytes(demo.out.resolve("statements/2026-10/R001.pdf")));
        String ytdOfB = DemoConsole.text(pageOf("/me/ytd", repB));
        String ytdOfA = DemoConsole.text(pageOf("/me/ytd", repA));
        assertThat(ytdOfA).contains("58,081.95");
        assertThat(ytdOfB).contains("R002").doesNotContain("58,081.95").doesNotContain("R001");
        assertThat(DemoConsole.text(pageOf("/me/statements/2026-10/1/page", repB))).contains("R002")
                .doesNotContain("R001");
        assertThat(DemoConsole.text(pageOf("/me/inquiries", repB))).doesNotContain("Is B-1017 at 8 %?");
    }

    private int status(String path, RequestPostProcessor who) throws Exception {
        return demo.mvc.perform(get(path).with(who)).andReturn().getResponse().getStatus();
    }

    private String pageOf(String path, RequestPostProcessor who) throws Exception {
        MvcResult result = demo.mvc.perform(get(path).with(who)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String fill(String pattern) {
        String path = pattern;
        for (var value : VALUES.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(path).as("a path variable without a value").doesNotContain("{");
        return path;
    }
}
