package io.compclose.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.system.BulkLoad;
import io.compclose.system.LocalInfile;

/**
 * Added to the close's context by a test to choose how intake writes its large files on MySQL or
 * MariaDB: {@link InsertsOnly} as if LOAD DATA were not allowed (the batched INSERTs H2 uses),
 * {@link CountedLoads} with LOAD DATA, counting the chunks it loads so a test knows it was used. Not
 * {@code @Configuration}: component scanning would add them to every close; a test names one.
 */
public final class WritePaths {

    private WritePaths() {
    }

    public static class InsertsOnly {

        @Bean
        @Primary
        BulkLoad insertsOnly(JdbcTemplate jdbc, LocalInfile localInfile) {
            return new BulkLoad(jdbc, localInfile) {
                @Override
                public boolean available() {
                    return false;
                }
            };
        }
    }

    public static class CountedLoads {

        /** Chunks loaded, per table. */
        public static final Map<String, AtomicInteger> LOADS = new ConcurrentHashMap<>();

        public static int loads(String table) {
            return LOADS.getOrDefault(table, new AtomicInteger()).get();
        }

        @Bean
        @Primary
        BulkLoad countedLoads(JdbcTemplate jdbc, LocalInfile localInfile) {
            return new BulkLoad(jdbc, localInfile) {
                @Override
                public <T> void replace(String table, String columns, List<T> rows, Function<T, Object[]> values) {
                    LOADS.computeIfAbsent(table, t -> new AtomicInteger()).incrementAndGet();
                    super.replace(table, columns, rows, values);
                }
            };
        }
    }
}
