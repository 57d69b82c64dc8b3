package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.cli.ExitCode;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;

/**
 * Liquibase runs only when the schema may differ from this build's changelog: the fingerprint of the changelog
 * files recorded once they were applied, with the changesets then applied, both still matching.
 */
class CurrentSchemaFunctionalTests {

    @TempDir
    Path work;

    @Test
    void aStartOnTheSchemaThisBuildMadeSkipsLiquibaseAndAnyOtherStartRunsIt() {
        String url = TestDatabases.freshMariaDb("compclose_current_schema");
        List<String> status = List.of("status", "--out=" + work.resolve("out"), "--spring.datasource.url=" + url);

        // given a database this build's changelog was applied to by a first start
        assertThat(CliRun.of(status).exitCode()).isZero();
        JdbcTemplate jdbc = new CloseFixture(work.resolve("out"), url, false).jdbc();
        int changesets = jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class);
        assertThat(jdbc.queryForList("SELECT fingerprint, changesets FROM schema_fingerprint"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("changesets")).isEqualTo(changesets);
                    assertThat((String) row.get("fingerprint")).matches("[0-9a-f]{64}");
                });

        // when a changeset's checksum no longer matches its file, which Liquibase refuses to start on
        jdbc.update("UPDATE DATABASECHANGELOG SET MD5SUM = '9:00000000000000000000000000000000' "
                + "WHERE ID = '021-01-close_lease'");

        // then the next start does not run Liquibase: the files and the changesets applied are as recorded
        CliRun skipped = CliRun.of(status);
        assertThat(skipped.exitCode()).as(skipped.toString()).isZero();

        // and once the fingerprint is not the recorded one (another build, a restored database), Liquibase runs
        // and, here, refuses the changed checksum
        jdbc.update("DELETE FROM schema_fingerprint");
        CliRun checked = CliRun.of(status);
        assertThat(checked.exitCode()).as(checked.toString()).isEqualTo(ExitCode.NOT_STARTED);
        assertThat(checked.err()).contains("Validation Failed: 1 changesets check sum", "021-01-close_lease");
    }
}
