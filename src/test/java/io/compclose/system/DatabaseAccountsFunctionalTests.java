package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;

/**
 * {@code ops/setup-mysql.sh}, run as it ships against a test schema, makes two accounts: Liquibase
 * migrates the schema with the migration account, the close runs with the application account, and
 * the application account can read and write rows of its schema and do nothing else.
 */
class DatabaseAccountsFunctionalTests {

    private static final long PID = ProcessHandle.current().pid();
    private static final String APP = "cc_app_" + PID;
    private static final String MIGRATION = "cc_mig_" + PID;
    private static final String APP_PASSWORD = "App-Pw-'q\\b$7";
    private static final String MIGRATION_PASSWORD = "Mig-Pw-4711";

    @TempDir
    Path work;

    private final String server = TestDatabases.server();
    private final String schema = schemaName();
    private final String otherSchema = TestDatabases.freshMariaDb("compclose_other")
            .replaceFirst("^.*/([^/?]+)\\?.*$", "$1");

    @BeforeEach
    void aTableInAnotherSchema() throws SQLException {
        asRoot("CREATE TABLE " + otherSchema + ".probe (id int)");
    }

    @AfterEach
    void dropAccounts() throws SQLException {
        asRoot("DROP USER IF EXISTS '" + APP + "'@'%'", "DROP USER IF EXISTS '" + MIGRATION + "'@'%'");
    }

    @Test
    void theCloseRunsWithTheApplicationAccountWhichCanReadAndWriteRowsAndNothingElse() throws Exception {
        // given the schema and both accounts made by the ops script, run twice (it may be run again)
        for (int run = 0; run < 2; run++) {
            ProcessResult setup = setupScript();
            assertThat(setup.exitCode()).as(setup.output()).isZero();
            assertThat(setup.output()).contains("Database " + schema + ": " + MIGRATION + " migrates it (DDL), " + APP
                    + " reads and writes its rows").doesNotContain(APP_PASSWORD).doesNotContain(MIGRATION_PASSWORD);
        }
        assertThat(root().queryForObject("SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = ?", String.class, schema)).isEqualTo("utf8mb4_bin");
        assertThat(root().queryForList("SHOW GRANTS FOR '" + APP + "'@'%'", String.class))
                .hasSize(2).anySatisfy(grant -> assertThat(grant).startsWith("GRANT USAGE ON *.* TO"))
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + schema + "`.* TO `" + APP + "`@`%`");

        // when the demo close runs: Liquibase as the migration account, the close as the application account
        Path out = work.resolve("out");
        CliRun close = CliRun.of(accountArgs(List.of("close", "--period=2026-10", "--inbox=" + CloseFixture.SAMPLE_INBOX,
                "--out=" + out, "--compclose.progress=false", "--compclose.review.enabled=false"), APP_PASSWORD));

        // then it completes and pays what the demo month pays
        assertThat(close.exitCode()).as(close.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("payroll/payroll-2026-10.csv"))).hasSize(9)
                .contains("E1001,R001,2026-10,COMMISSION,58081.95,USD", "E1009,R009,2026-10,COMMISSION,37950.31,USD");
        try (Connection app = connect(APP, APP_PASSWORD)) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(app, true));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE outcome = 'SENT'", Long.class))
                    .isEqualTo(10);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'close'", Long.class))
                    .isEqualTo(1);

            // and the application account changes rows, but not the schema, another schema, files or grants
            assertThat(jdbc.update("UPDATE rep_assignment SET email = email WHERE rep_id = 'R001'")).isPositive();
            assertRefused(app, "CREATE TABLE intruder (id int)", "CREATE command denied");
            assertRefused(app, "DROP TABLE credit", "DROP command denied");
            assertRefused(app, "ALTER TABLE credit ADD COLUMN x int", "ALTER command denied");
            assertRefused(app, "TRUNCATE TABLE audit_event", "DROP command denied");
            assertRefused(app, "DROP TRIGGER audit_event_no_update", "TRIGGER command denied");
            assertRefused(app, "SELECT COUNT(*) FROM " + otherSchema + ".probe", "SELECT command denied");
            assertRefused(app, "SELECT COUNT(*) FROM mysql.user", "SELECT command denied");
            assertRefused(app, "SELECT 1 INTO OUTFILE '/tmp/compclose-" + PID + ".txt'", "Access denied");
            assertRefused(app, "GRANT SELECT ON " + schema + ".* TO '" + MIGRATION + "'@'%'", "Access denied");
            assertRefused(app, "UPDATE audit_event SET actor = 'someone else'", "audit_event is append-only");
            assertRefused(app, "DELETE FROM audit_event", "audit_event is append-only");
        }
    }

    @Test
    void aWrongPasswordIsNamedAsSuchAndNeverEchoed() throws Exception {
        // given the accounts, and a secrets folder holding a wrong password for the application account
        assertThat(setupScript().exitCode()).isZero();
        Path out = work.resolve("out");

        // when a command starts with it
        CliRun status = CliRun.of(accountArgs(List.of("status", "--out=" + out), "Wrong-App-Pw-0815"));

        // then it does not start (exit 5: a setting to fix, nothing ran), saying access was denied, without either
        // password, on screen or in the log
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(io.compclose.cli.ExitCode.NOT_STARTED);
        assertThat(status.err()).contains("Access denied for user '" + APP + "'");
        assertThat(status.out() + status.err() + Files.readString(out.resolve("logs/compclose.log")))
                .doesNotContain("Wrong-App-Pw-0815").doesNotContain(MIGRATION_PASSWORD);
    }

    /** The command with the schema's URL, both accounts' names, and their passwords from files. */
    private List<String> accountArgs(List<String> command, String appPassword) throws Exception {
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Files.writeString(secrets.resolve("spring.datasource.password"), appPassword + "\n");
        Files.writeString(secrets.resolve("spring.liquibase.password"), MIGRATION_PASSWORD + "\n");
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--spring.datasource.url=" + server + "/" + schema + "?rewriteBatchedStatements=true",
                "--spring.datasource.username=" + APP, "--spring.liquibase.user=" + MIGRATION,
                "--spring.config.import=configtree:" + secrets + "/"));
        return args;
    }

    private ProcessResult setupScript() throws Exception {
        Path passwordFile = work.resolve("app-password");
        Files.writeString(passwordFile, APP_PASSWORD + "\n");
        String port = server.substring(server.lastIndexOf(':') + 1);
        ProcessBuilder script = new ProcessBuilder("bash", "ops/setup-mysql.sh", "--protocol=tcp", "-h127.0.0.1",
                "-P" + port, "-uroot").redirectErrorStream(true);
        Map<String, String> env = script.environment();
        env.put("COMPCLOSE_DB_NAME", schema);
        env.put("COMPCLOSE_DB_USER", APP);
        env.put("COMPCLOSE_DB_MIGRATION_USER", MIGRATION);
        env.put("COMPCLOSE_DB_PASSWORD_FILE", passwordFile.toString());
        env.put("COMPCLOSE_DB_MIGRATION_PASSWORD", MIGRATION_PASSWORD);
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    private record ProcessResult(int exitCode, String output) {
    }

    /** An emptied schema for the script to create again, and a table in another schema to try to read. */
    private String schemaName() {
        String name = TestDatabases.freshMariaDb("compclose_accounts").replaceFirst("^.*/([^/?]+)\\?.*$", "$1");
        try {
            asRoot("DROP DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    private static void assertRefused(Connection app, String sql, String reason) {
        assertThatThrownBy(() -> {
            try (Statement s = app.createStatement()) {
                s.execute(sql);
            }
        }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining(reason);
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(server + "/" + schema, user, password);
    }

    private JdbcTemplate root() {
        return new JdbcTemplate(new DriverManagerDataSource(server + "/?user=root&password="));
    }

    private void asRoot(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "/?user=root&password=");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
