package io.compclose.partition;

import org.springframework.beans.factory.config.BeanPostProcessor;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Each range running in this process holds two connections: its reader's cursor and its chunk's
 * transaction. Hikari's default pool of ten would leave a close or worker with more than three
 * threads waiting on itself; the pool is raised to fit, never lowered.
 */
record ConnectionsForRanges(int threads) implements BeanPostProcessor {

    /** The lease heartbeat, the job repository and the steps outside the ranges. */
    private static final int BESIDE_RANGES = 4;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getMaximumPoolSize() < needed()) {
            pool.setMaximumPoolSize(needed());
        }
        return bean;
    }

    int needed() {
        return 2 * threads + BESIDE_RANGES;
    }
}
