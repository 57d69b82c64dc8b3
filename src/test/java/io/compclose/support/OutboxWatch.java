package io.compclose.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts every email that lands in an outbox folder, across all the processes that write it. An
 * email is written whole under a temporary name and renamed into place, so each send is one
 * arrival of its {@code .eml} name (inotify's "moved to"): an email written twice arrives twice,
 * though the second file replaces the first.
 */
public final class OutboxWatch implements AutoCloseable {

    private final WatchService watcher;
    private final Map<String, Integer> arrivals = new TreeMap<>();
    private boolean overflowed;

    public OutboxWatch(Path outbox) {
        try {
            Files.createDirectories(outbox);
            watcher = FileSystems.getDefault().newWatchService();
            outbox.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every arrival so far, by file name; call it between closes too, so no event queue overflows. */
    public synchronized Map<String, Integer> arrivals() {
        for (WatchKey key; (key = watcher.poll()) != null; key.reset()) {
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    overflowed = true;
                } else if (event.context().toString().endsWith(".eml")) {
                    arrivals.merge(event.context().toString(), event.count(), Integer::sum);
                }
            }
        }
        if (overflowed) {
            throw new IllegalStateException("the outbox watch lost events: it cannot vouch for duplicates");
        }
        return new TreeMap<>(arrivals);
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
