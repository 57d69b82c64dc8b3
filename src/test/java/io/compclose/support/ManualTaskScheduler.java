package io.compclose.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

/**
 * A {@link TaskScheduler} driven by a test instead of by time passing: {@link #advanceTo} moves the
 * {@link TestClock} forward, stopping at each moment a trigger is due and running its task there,
 * on the test's thread, in the order a real scheduler would. Triggers are Spring's own (the
 * catalog's {@code CronTrigger}), asked for their next time through a context on the test clock.
 */
public class ManualTaskScheduler implements TaskScheduler {

    private final TestClock clock;
    private final List<Task> tasks = new ArrayList<>();

    public ManualTaskScheduler(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public java.time.Clock getClock() {
        return clock;
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable runnable, Trigger trigger) {
        Task task = new Task(runnable, trigger, new SimpleTriggerContext(clock));
        task.next = trigger.nextExecution(task.context);
        tasks.add(task);
        return task;
    }

    /** Runs every task due up to {@code target}, each at its own time; the clock ends at {@code target}. */
    public void advanceTo(Instant target) {
        Optional<Task> due;
        while ((due = nextDue(target)).isPresent()) {
            Task task = due.get();
            Instant scheduled = task.next;
            clock.set(scheduled);
            task.runnable.run();
            task.context.update(scheduled, scheduled, clock.instant());
            task.next = task.trigger.nextExecution(task.context);
        }
        clock.set(target);
    }

    private synchronized Optional<Task> nextDue(Instant target) {
        return tasks.stream().filter(t -> !t.cancelled && t.next != null && !t.next.isAfter(target))
                .min(Comparator.comparing((Task t) -> t.next));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
        throw new UnsupportedOperationException("the catalog schedules with triggers only");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        throw new UnsupportedOperationException("the catalog schedules with triggers only");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        throw new UnsupportedOperationException("the catalog schedules with triggers only");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        throw new UnsupportedOperationException("the catalog schedules with triggers only");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        throw new UnsupportedOperationException("the catalog schedules with triggers only");
    }

    /** The test clock, and this scheduler in place of the service's thread pool. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.context.annotation.Import(TestClock.InContext.class)
    public static class InContext {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        @org.springframework.beans.factory.annotation.Qualifier(io.compclose.cli.ServeConfiguration.CATALOG_SCHEDULER)
        ManualTaskScheduler manualTaskScheduler() {
            return new ManualTaskScheduler(TestClock.shared());
        }
    }

    private final class Task implements ScheduledFuture<Object> {

        private final Runnable runnable;
        private final Trigger trigger;
        private final SimpleTriggerContext context;
        private volatile Instant next;
        private volatile boolean cancelled;

        Task(Runnable runnable, Trigger trigger, SimpleTriggerContext context) {
            this.runnable = runnable;
            this.trigger = trigger;
            this.context = context;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return next == null ? 0 : unit.convert(Duration.between(clock.instant(), next));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
