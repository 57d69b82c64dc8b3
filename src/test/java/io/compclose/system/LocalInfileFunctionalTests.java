package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.compclose.support.TestDatabases;

/**
 * The pool CompClose builds from a plain MariaDB URL (no LOAD DATA flag) can send the chunks BulkLoad
 * writes, and nothing else: a file outside its own folder, as a malicious server could ask for by
 * naming it, is refused by the driver.
 */
class LocalInfileFunctionalTests {

    @TempDir
    Path work;

    @Test
    void aPlainUrlLoadsChunksFromItsOwnFolderAndNoOtherFile() throws Exception {
        // given the pool of a URL that says nothing about LOAD DATA, as the application context gets it
        LocalInfile localInfile = new LocalInfile();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(TestDatabases.freshMariaDb("compclose_local_infile"));
            localInfile.postProcessAfterInitialization(pool, "dataSource");
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.execute("CREATE TABLE t (id varchar(8) PRIMARY KEY, v varchar(8))");
            BulkLoad bulkLoad = new BulkLoad(jdbc, localInfile);
            Path secret = Files.writeString(work.resolve("secret.txt"), "s1\tleaked\n");

            // when a chunk is loaded twice, the second replacing the first
            assertThat(bulkLoad.available()).isTrue();
            bulkLoad.replace("t", "id, v", List.of("a", "b"), id -> new Object[] {id, "one"});
            bulkLoad.replace("t", "id, v", List.of("b"), id -> new Object[] {id, "two"});

            // then its rows are stored once each, the chunk file is empty and owner-only, and so is the folder
            assertThat(jdbc.queryForList("SELECT CONCAT(id, '=', v) FROM t ORDER BY id", String.class))
                    .containsExactly("a=one", "b=two");
            Path folder = localInfile.folder().orElseThrow();
            try (var files = Files.list(folder)) {
                assertThat(files.toList()).singleElement().satisfies(chunk -> {
                    assertThat(Files.size(chunk)).isZero();
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(chunk))).isEqualTo("rw-------");
                });
            }
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .isEqualTo("rwx------");
            // and a file anywhere else is refused, whoever names it
            assertThatThrownBy(() -> jdbc.update("LOAD DATA LOCAL INFILE ? INTO TABLE t", secret.toString()))
                    .hasMessageContaining("is not under the safe path");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t WHERE v = 'leaked'", Long.class)).isZero();
        }
    }
}
