package io.compclose.partition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

class ConnectionsForRangesTests {

    @Test
    void eightRangeThreadsGetTwoConnectionsEachBesideTheClosesOwn() {
        // given Hikari's default pool of 10
        try (HikariDataSource pool = new HikariDataSource()) {
            // when eight ranges run at once: 8 readers + 8 chunk transactions + 4 = 20
            new ConnectionsForRanges(8).postProcessAfterInitialization(pool, "dataSource");

            // then
            assertThat(pool.getMaximumPoolSize()).isEqualTo(20);
        }
    }

    @Test
    void aLargerConfiguredPoolIsLeftAlone() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setMaximumPoolSize(50);
            new ConnectionsForRanges(8).postProcessAfterInitialization(pool, "dataSource");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(50);
        }
    }

    @Test
    void twoThreadsFitTheDefaultPool() {
        try (HikariDataSource pool = new HikariDataSource()) {
            new ConnectionsForRanges(2).postProcessAfterInitialization(pool, "dataSource");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
        }
    }
}
