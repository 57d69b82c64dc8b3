package io.compclose.schedule;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.scheduling.support.CronExpression;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.compclose.system.BoundYaml;
import io.compclose.system.FieldProblems;

/**
 * Reads a catalog folder: every {@code *.yaml} / {@code *.yml} in it is one scheduled job. Every
 * problem is collected and named by file and field, so one read says everything wrong with the
 * catalog; nothing is scheduled from a catalog with a problem. The cron expression is checked by
 * the parser the scheduler itself uses.
 */
public record JobCatalog(Path dir, List<CatalogEntry> entries) {

    public JobCatalog {
        entries = List.copyOf(entries);
    }

    public static JobCatalog load(Path dir) {
        List<Path> files = BoundYaml.filesIn(dir, "job catalog", "job", problem -> new CatalogException(List.of(problem)));
        List<String> problems = new ArrayList<>();
        List<CatalogEntry> entries = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path file : files) {
            CatalogEntry entry = read(file, names, problems);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new JobCatalog(dir, entries);
    }

    /** A job file as written. */
    record JobFile(@NotBlank String name, @NotBlank String command, @NotBlank String cron, @NotNull ZoneId zone,
            @NotBlank String period, String inbox, String requestedBy) {
    }

    /** @param names the job names taken so far, by file: a name is the job's in logs and metrics, so unique */
    static CatalogEntry read(Path file, Map<String, Path> names, List<String> problems) {
        String where = file.getFileName().toString();
        BoundYaml.Document<JobFile> document;
        try {
            document = BoundYaml.read(file, JobFile.class);
        } catch (BoundYaml.UnreadableException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
        FieldProblems found = document.problems();
        JobFile job = document.value();
        if (job == null) {
            problems.addAll(found.isEmpty() ? List.of(where + ": a job must be a mapping of fields (name, command, "
                    + "cron, zone, period, ...)") : found.named(where));
            return null;
        }
        Path earlier = job.name() == null ? null : names.putIfAbsent(job.name(), file);
        if (earlier != null) {
            found.add("name", "'" + job.name() + "' is already the name of the job in " + earlier.getFileName());
        }
        ScheduledCommand command = known("command", job.command(), ScheduledCommand.values(), ScheduledCommand::word,
                found);
        String cron = cron(job.cron(), found);
        PeriodRule period = known("period", job.period(), PeriodRule.values(), PeriodRule::word, found);
        String requestedBy = job.requestedBy();
        if (command != null && command.readsInbox()) {
            if (job.inbox() == null) {
                found.add("inbox", "is required for " + command.word() + ", as in inbox/"
                        + CatalogEntry.PERIOD_PLACEHOLDER);
            } else if (!job.inbox().contains(CatalogEntry.PERIOD_PLACEHOLDER)) {
                found.add("inbox", "must name the period's folder with " + CatalogEntry.PERIOD_PLACEHOLDER
                        + ", as in inbox/" + CatalogEntry.PERIOD_PLACEHOLDER + ", was '" + job.inbox() + "'");
            }
            if (requestedBy != null) {
                found.add("requested_by", "only a resend records who requested it");
            }
        }
        if (command == ScheduledCommand.RESEND) {
            if (job.inbox() != null) {
                found.add("inbox", "a resend reads no inbox: it sends the statements the close made");
            }
            if (requestedBy == null) {
                requestedBy = "schedule " + job.name();
            }
        }
        if (!found.isEmpty()) {
            problems.addAll(found.named(where));
            return null;
        }
        return new CatalogEntry(job.name(), command, cron, job.zone(), period, job.inbox(), requestedBy, file);
    }

    /** The value a word of the file names; an unknown word is a problem that lists the known ones. */
    private static <T> T known(String field, String word, T[] values, Function<T, String> wordOf,
            FieldProblems problems) {
        List<String> words = Arrays.stream(values).map(wordOf).toList();
        int index = words.indexOf(word);
        if (word != null && index < 0) {
            problems.add(field, "unknown " + field + " '" + word + "' (known: " + String.join(", ", words) + ")");
        }
        return index < 0 ? null : values[index];
    }

    private static String cron(String cron, FieldProblems problems) {
        if (cron == null) {
            return null;
        }
        try {
            CronExpression.parse(cron);
            return cron;
        } catch (IllegalArgumentException e) {
            problems.add("cron", "not a cron expression of six fields (second minute hour day-of-month month "
                    + "day-of-week): " + e.getMessage());
            return null;
        }
    }
}
