package io.compclose.support;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Added to the close's context by a test: fails the Nth chunk write of one step, once, as a
 * crash part-way through that step would; or, armed with an action, runs that action there instead
 * (pausing the close, dropping its database connections) and lets the write go on. Armed "after the
 * write", it fails once the chunk's rows are written but before its transaction commits.
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

    public static void arm(String stepName, int chunkNumber) {
        arm(stepName, chunkNumber, FAIL);
    }

    public static synchronized void arm(String stepName, int chunkNumber, Action atChunk) {
        step = stepName;
        failAtChunk = chunkNumber;
        chunksSeen = 0;
        action = atChunk;
        afterTheWrite = false;
    }

    /** Fails the Nth chunk of the step once its rows are written, before the chunk's transaction commits. */
    public static synchronized void armAfterWrite(String stepName, int chunkNumber) {
        arm(stepName, chunkNumber, FAIL);
        afterTheWrite = true;
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
                    if (step == null || context == null || !isStep(step, context.getStepName())
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

    /** The step itself, or, for a step run as rep ranges, any of its ranges ({@code calculateEarningsRange:reps001}). */
    public static boolean isStep(String step, String stepName) {
        return stepName.equals(step) || stepName.startsWith(step + "Range:");
    }
}
