package io.compclose.support;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Added to the close's context by a test: fails the Nth chunk write of one step, once, as a
 * crash part-way through that step would.
 */
@Configuration(proxyBeanMethods = false)
public class FaultInjection {

    private static volatile String step;
    private static volatile int failAtChunk;
    private static volatile int chunksSeen;

    public static void arm(String stepName, int chunkNumber) {
        step = stepName;
        failAtChunk = chunkNumber;
        chunksSeen = 0;
    }

    public static boolean fired() {
        return step == null && failAtChunk < 0;
    }

    @Bean
    ItemWriteListener<Object> faultInjectingListener() {
        return new ItemWriteListener<>() {
            @Override
            public void beforeWrite(Chunk<? extends Object> items) {
                var context = StepSynchronizationManager.getContext();
                if (step == null || context == null || !step.equals(context.getStepName())) {
                    return;
                }
                if (++chunksSeen == failAtChunk) {
                    step = null;
                    failAtChunk = -1;
                    throw new IllegalStateException("injected fault: the machine died here");
                }
            }
        };
    }
}
