package io.compclose.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Loaded into a close launched as its own process ({@code --spring.main.sources=}this class, on the
 * class path beside the jar), to hold it still at one point so that the test kills it exactly there: the
 * close freezes at {@code -Dcompclose.killpoint=step:chunk:phase}, writes
 * {@code -Dcompclose.killpoint.marker} to say so, and waits for its SIGKILL. Its heartbeat thread
 * goes on renewing its lease meanwhile, as a live close's does. A test may instead let it go on: a file
 * named as the marker plus {@code .resume} ({@link CloseProcess#resume()}) ends the freeze, and the
 * process then runs on without freezing again, as if it had only paused there.
 * <ul>
 * <li>{@code beforeWrite} / {@code afterWrite}: the chunk-th chunk this process writes in the step (in any one
 * of its rep ranges, for a step run as ranges side by side), read
 * and processed with its transaction open / written (files, emails) but not committed;</li>
 * <li>{@code beforeChunk} / {@code afterChunk}: a tasklet step with its transaction open, before its work /
 * after its work (files written, rows committed), before the step is recorded as completed.</li>
 * </ul>
 * Not a {@code @Configuration}: component scanning of the in-process tests must not pick it up.
 */
public class KillPoints {

    public static final String POINT = "compclose.killpoint";
    public static final String MARKER = "compclose.killpoint.marker";

    /** Chunks begun per step execution: a step run as rep ranges counts each range's own chunks. */
    private static final java.util.Map<Long, Integer> chunksSeen = new java.util.HashMap<>();

    @Bean
    ItemWriteListener<Object> killPointOnChunks() {
        return new ItemWriteListener<>() {
            @Override
            public void beforeWrite(Chunk<? extends Object> items) {
                onChunk("beforeWrite", true);
            }

            @Override
            public void afterWrite(Chunk<? extends Object> items) {
                onChunk("afterWrite", false);
            }
        };
    }

    @Bean
    static BeanPostProcessor killPointOnTasklets() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TaskletStep step) {
                    step.registerChunkListener(new ChunkListener<Object, Object>() {
                        @Override
                        public void beforeChunk(ChunkContext context) {
                            freezeIf(step.getName(), "beforeChunk");
                        }

                        @Override
                        public void afterChunk(ChunkContext context) {
                            freezeIf(step.getName(), "afterChunk");
                        }
                    });
                }
                return bean;
            }
        };
    }

    private static synchronized void onChunk(String phase, boolean counts) {
        var context = StepSynchronizationManager.getContext();
        String[] point = point();
        if (point == null || context == null || !(context.getStepName().equals(point[0])
                || context.getStepName().startsWith(point[0] + "Range:"))) { // a step run as rep ranges: any range
            return;
        }
        long execution = context.getStepExecution().getId();
        if (counts) {
            chunksSeen.merge(execution, 1, Integer::sum);
        }
        if (chunksSeen.getOrDefault(execution, 0) == Integer.parseInt(point[1]) && point[2].equals(phase)) {
            freeze(String.join(":", point));
        }
    }

    private static void freezeIf(String step, String phase) {
        String[] point = point();
        if (point != null && point[0].equals(step) && point[2].equals(phase)) {
            freeze(String.join(":", point));
        }
    }

    private static String[] point() {
        String point = System.getProperty(POINT);
        return point == null || point.isBlank() ? null : point.split(":");
    }

    /** Set once a test let this process go on: it never freezes again. */
    private static volatile boolean resumed;

    /**
     * Says where it stopped, then waits to be killed or resumed; a test that forgets to kill it fails on its
     * deadline.
     */
    private static void freeze(String where) {
        if (resumed) {
            return;
        }
        Path marker = Path.of(System.getProperty(MARKER));
        Path resume = marker.resolveSibling(marker.getFileName() + ".resume");
        try {
            Path temp = marker.resolveSibling(marker.getFileName() + ".tmp");
            Files.writeString(temp, where + " pid " + ProcessHandle.current().pid());
            Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (!Files.exists(resume)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                // only SIGKILL or the resume file ends this
            }
        }
        resumed = true;
    }
}
