package io.compclose.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.error.YAMLException;

import io.compclose.plan.PlanLoader;
import io.compclose.plan.YamlNode;

/**
 * Reads a catalog folder: every {@code *.yaml} / {@code *.yml} in it is one scheduled job. Every
 * problem is collected and named by file and field, so one read says everything wrong with the
 * catalog; nothing is scheduled from a catalog with a problem. The cron expression is checked by
 * the parser the scheduler itself uses.
 */
public record JobCatalog(Path dir, List<CatalogEntry> entries) {

    private static final Set<String> FIELDS = Set.of("name", "command", "cron", "zone", "period", "inbox",
            "requested_by");

    public JobCatalog {
        entries = List.copyOf(entries);
    }

    public static JobCatalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(List.of(dir + ": job catalog folder not found"));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(JobCatalog::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new CatalogException(List.of(dir + ": cannot list the job catalog: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new CatalogException(List.of(dir + ": no job files (*.yaml)"));
        }
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

    /** @param names the job names taken so far, by file: a name is the job's in logs and metrics, so unique */
    static CatalogEntry read(Path file, Map<String, Path> names, List<String> problems) {
        String where = file.getFileName().toString();
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = PlanLoader.textOnlyYaml().load(reader);
        } catch (IOException | YAMLException e) {
            problems.add(where + ": not readable as YAML: " + (e.getMessage() == null ? ""
                    : e.getMessage().lines().findFirst().orElse("")));
            return null;
        }
        if (!(document instanceof Map<?, ?> map)) {
            problems.add(where + ": a job must be a mapping of fields (name, command, cron, zone, period, ...)");
            return null;
        }
        int before = problems.size();
        YamlNode node = new YamlNode(map, "", where, problems);
        node.onlyFields(FIELDS);
        String name = node.text("name", true);
        Path earlier = name == null ? null : names.putIfAbsent(name, file);
        if (earlier != null) {
            node.problem("name", "'" + name + "' is already the name of the job in " + earlier.getFileName());
        }
        ScheduledCommand command = command(node);
        String cron = cron(node);
        ZoneId zone = zone(node);
        PeriodRule period = period(node);
        String inbox = node.text("inbox", false);
        String requestedBy = node.text("requested_by", false);
        if (command != null && command.readsInbox()) {
            if (inbox == null) {
                node.problem("inbox", "is required for " + command.word() + ", as in inbox/"
                        + CatalogEntry.PERIOD_PLACEHOLDER);
            } else if (!inbox.contains(CatalogEntry.PERIOD_PLACEHOLDER)) {
                node.problem("inbox", "must name the period's folder with " + CatalogEntry.PERIOD_PLACEHOLDER
                        + ", as in inbox/" + CatalogEntry.PERIOD_PLACEHOLDER + ", was '" + inbox + "'");
            }
            if (requestedBy != null) {
                node.problem("requested_by", "only a resend records who requested it");
            }
        }
        if (command == ScheduledCommand.RESEND) {
            if (inbox != null) {
                node.problem("inbox", "a resend reads no inbox: it sends the statements the close made");
            }
            if (requestedBy == null) {
                requestedBy = "schedule " + name;
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new CatalogEntry(name, command, cron, zone, period, inbox, requestedBy, file);
    }

    private static ScheduledCommand command(YamlNode node) {
        String word = node.text("command", true);
        if (word == null) {
            return null;
        }
        return ScheduledCommand.of(word).orElseGet(() -> {
            node.problem("command", "unknown command '" + word + "' (known: " + String.join(", ",
                    Arrays.stream(ScheduledCommand.values()).map(ScheduledCommand::word).toList()) + ")");
            return null;
        });
    }

    private static String cron(YamlNode node) {
        String cron = node.text("cron", true);
        if (cron == null) {
            return null;
        }
        try {
            CronExpression.parse(cron);
            return cron;
        } catch (IllegalArgumentException e) {
            node.problem("cron", "not a cron expression of six fields (second minute hour day-of-month month "
                    + "day-of-week): " + e.getMessage());
            return null;
        }
    }

    private static ZoneId zone(YamlNode node) {
        String zone = node.text("zone", true);
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            node.problem("zone", "unknown time zone '" + zone + "' (a region such as Europe/Paris, or UTC)");
            return null;
        }
    }

    private static PeriodRule period(YamlNode node) {
        String word = node.text("period", true);
        if (word == null) {
            return null;
        }
        return PeriodRule.of(word).orElseGet(() -> {
            node.problem("period", "unknown period '" + word + "' (known: " + String.join(", ",
                    Arrays.stream(PeriodRule.values()).map(PeriodRule::word).toList()) + ")");
            return null;
        });
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }
}
