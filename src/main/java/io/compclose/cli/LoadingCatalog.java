package io.compclose.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.compclose.schedule.JobCatalog;

/**
 * The job catalog of a starting {@code serve}, read and checked on a thread of its own while Spring starts: its
 * YAML binding and bean validation load a few thousand classes, which then no longer wait for the web server and
 * the database (or the other way round). The context takes the catalog from here as its {@code JobCatalog}.
 */
final class LoadingCatalog {

    static final String BEAN = "loadingCatalog";

    private final CompletableFuture<JobCatalog> catalog;

    private LoadingCatalog(CompletableFuture<JobCatalog> catalog) {
        this.catalog = catalog;
    }

    static LoadingCatalog start(Path dir) {
        CompletableFuture<JobCatalog> loading = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                loading.complete(JobCatalog.load(dir));
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        }, "catalog-check");
        reader.setDaemon(true);
        reader.start();
        return new LoadingCatalog(loading);
    }

    /** {@code console}: no scheduled jobs. */
    static LoadingCatalog none(Path dir) {
        return new LoadingCatalog(CompletableFuture.completedFuture(new JobCatalog(dir, List.of())));
    }

    /** The catalog once read; a catalog with problems throws its {@code CatalogException}, naming them all. */
    JobCatalog join() {
        try {
            return catalog.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw e;
        }
    }
}
