package io.compclose.support;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Added to the close's context by a test: fails the Nth chunk write of one step, once, as a
 * crash part-way through that step would; or, armed with an action, runs that action there instead
 * (pausing the close, dropping its database connections) and lets the write go on. Armed "after the
 * write", it fails once the chunk's rows are written but before its transaction commits. Armed "at a
 * range's start", it drops the database's connections on the thread about to run the Nth rep range of
 * a step, before Spring Batch records that range started.
 */
@Configuration(proxyBeanMethods = false)
public class FaultInjection {

    /** What a test does at the chosen chunk, in the close's own thread, before the chunk is written. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private static final Action FAIL = () -> {
        throw new IllegalStateException("injected fault: the machine died here");
    };

    private static volatile String step;
    private static volatile int failAtChunk;
    private static volatile int chunksSeen;
    private static volatile Action action = FAIL;
    private static volatile boolean afterTheWrite;
    private static volatile String rangeStartUrl;
    private static volatile int rangesSeen;

    public static void arm(String stepName, int chunkNumber) {
        arm(stepName, chunkNumber, FAIL);
    }

    public static synchronized void arm(String stepName, int chunkNumber, Action atChunk) {
        step = stepName;
        failAtChunk = chunkNumber;
        chunksSeen = 0;
        action = atChunk;
        afterTheWrite = false;
        rangeStartUrl = null;
        rangesSeen = 0;
    }

    /** Fails the Nth chunk of the step once its rows are written, before the chunk's transaction commits. */
    public static synchronized void armAfterWrite(String stepName, int chunkNumber) {
        arm(stepName, chunkNumber, FAIL);
        afterTheWrite = true;
    }

    /**
     * Drops every connection to the close's database ({@code url}) just before the Nth rep range of the step
     * starts, on the thread that runs it, after that thread took a connection from the pool and gave it back:
     * the pool hands the range that connection, used a moment ago and so not tested, as it would after a
     * database restart or a network cut, and the range's first write to the job repository fails.
     */
    public static synchronized void armAtRangeStart(String stepName, int rangeNumber, String url) {
        arm(stepName, rangeNumber, FAIL);
        rangeStartUrl = url;
    }

    public static boolean fired() {
        return step == null && failAtChunk < 0;
    }

    @Bean
    ItemWriteListener<Object> faultInjectingListener() {
        return new ItemWriteListener<>() {
            @Override
            public void beforeWrite(Chunk<? extends Object> items) {
                if (!afterTheWrite) {
                    atChunk();
                }
            }

            @Override
            public void afterWrite(Chunk<? extends Object> items) {
                if (afterTheWrite) {
                    atChunk();
                }
            }

            private void atChunk() {
                var context = StepSynchronizationManager.getContext();
                Action now;
                synchronized (FaultInjection.class) {
                    if (step == null || rangeStartUrl != null || context == null || !isStep(step, context.getStepName())
                            || ++chunksSeen != failAtChunk) {
                        return;
                    }
                    step = null;
                    failAtChunk = -1;
                    now = action;
                }
                try {
                    now.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Wraps each rep range handed to the close's threads, to drop the connections before the armed one starts. */
    @Bean
    static BeanPostProcessor faultAtRangeStart(BeanFactory beans) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThreadPoolTaskExecutor threads && beanName.equals("partitionThreads")) {
                    threads.setTaskDecorator(range -> {
                        // decorated on the partitioned step's own thread, as it hands its ranges out
                        var context = StepSynchronizationManager.getContext();
                        boolean armed;
                        synchronized (FaultInjection.class) {
                            armed = rangeStartUrl != null && context != null && step != null
                                    && context.getStepName().equals(step) && ++rangesSeen == failAtChunk;
                            if (armed) {
                                step = null;
                                failAtChunk = -1;
                            }
                        }
                        if (!armed) {
                            return range;
                        }
                        String url = rangeStartUrl;
                        return () -> {
                            dropConnectionsUnder(beans.getBean(DataSource.class), url);
                            range.run();
                        };
                    });
                }
                return bean;
            }
        };
    }

    private static void dropConnectionsUnder(DataSource pool, String url) {
        try (Connection used = pool.getConnection()) {
            if (TestDatabases.killConnections(url) == 0) {
                throw new IllegalStateException("no connection to the close's database to drop");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The step itself, or, for a step run as rep ranges, any of its ranges ({@code calculateEarningsRange:reps001}). */
    public static boolean isStep(String step, String stepName) {
        return stepName.equals(step) || stepName.startsWith(step + "Range:");
    }
}
