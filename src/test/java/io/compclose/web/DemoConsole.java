package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

import io.compclose.cli.Cli;
import io.compclose.cli.InProcessServe;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;

/**
 * One console per test JVM over the demo close of October (stopped at the gate, approved by Fiona Finance with the
 * note "R010 and R999 next month", completed), shared by the console's test classes because a close and a serve
 * context take seconds. Tests that change what it holds assert on their own rows only.
 */
final class DemoConsole {

    private static DemoConsole shared;

    final Path out;
    final ConfigurableApplicationContext context;
    final MockMvc mvc;
    final ConsoleUsers users;

    private DemoConsole(Path out, String... database) {
        this(out, false, database);
    }

    private DemoConsole(Path out, boolean november, String... database) {
        this.out = out;
        assertThat(cli(database, "close", "--period=2026-10", "--inbox=" + CloseFixture.SAMPLE_INBOX, "--out=" + out))
                .isEqualTo(3);
        assertThat(cli(database, "approve", "--period=2026-10", "--by=Fiona Finance",
                "--note=R010 and R999 next month", "--out=" + out)).isZero();
        assertThat(cli(database, "close", "--period=2026-10", "--inbox=" + CloseFixture.SAMPLE_INBOX, "--out=" + out))
                .isZero();
        if (november) {
            assertThat(cli(database, "close", "--period=2026-11", "--inbox="
                    + CloseFixture.SAMPLE_INBOX.resolveSibling("2026-11"), "--out=" + out)).isZero();
        }
        context = InProcessServe.start(out, quiet(), database);
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
        users = context.getBean(ConsoleUsers.class);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }

    static synchronized DemoConsole shared() throws Exception {
        if (shared == null) {
            shared = new DemoConsole(Files.createTempDirectory("demo-console").resolve("out"));
        }
        return shared;
    }

    /** The same demo close and console on MariaDB (a database of its own), for the SQL of every page. */
    static DemoConsole onMariaDb() throws Exception {
        return new DemoConsole(Files.createTempDirectory("demo-console-mariadb").resolve("out"),
                "--spring.datasource.url=" + TestDatabases.freshMariaDb("compclose_console_pages"));
    }

    /** The demo's two months, October then November (usage, KPIs, clawbacks), in a console of its own. */
    static DemoConsole throughNovember() throws Exception {
        return new DemoConsole(Files.createTempDirectory("demo-console-november").resolve("out"), true);
    }

    /** A console of its own over the same demo close, for a test that changes it (locks, resends, tampers). */
    static DemoConsole own() throws Exception {
        return new DemoConsole(Files.createTempDirectory("own-demo-console").resolve("out"));
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    int status(String path, String username) throws Exception {
        return mvc.perform(get(path).with(as(username))).andReturn().getResponse().getStatus();
    }

    /** The page at the path as the user sees it; fails unless it answers 200. */
    String page(String path, String username) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(username))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    /** The text of the table row that starts with the cell given, its cells separated by one space. */
    static String rowText(String page, String firstCell) {
        return List.of(page.split("<tr")).stream().map(row -> row.split("</tr>")[0])
                .map(row -> HtmlUtils.htmlUnescape(("<tr" + row).replaceAll("<[^>]*>", " ")))
                .map(row -> row.replaceAll("\\s+", " ").strip())
                .filter(text -> text.startsWith(firstCell + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + firstCell + " in " + page));
    }

    /** A page's text without its markup, white space collapsed. */
    static String text(String page) {
        return HtmlUtils.htmlUnescape(page.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
    }

    static int cli(String... args) {
        return Cli.run(args, quiet(), quiet());
    }

    private static int cli(String[] database, String... args) {
        return cli(Stream.concat(Stream.of(args), Stream.of(database)).toArray(String[]::new));
    }

    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
