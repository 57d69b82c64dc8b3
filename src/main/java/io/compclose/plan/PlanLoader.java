package io.compclose.plan;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads every {@code *.yaml} / {@code *.yml} under a plans folder into {@link Plan} records and
 * validates them before any calculation. Scalars are read as text and parsed here, never as
 * YAML floats, so a rate of 0.08 stays exactly 0.08.
 */
public final class PlanLoader {

    private static final Set<String> PLAN_FIELDS =
            Set.of("plan", "version", "name", "effective_from", "effective_to", "currency", "components");
    private static final Set<String> COMPONENT_FIELDS = Set.of("id", "metric", "pay", "rate");

    public PlanCatalog load(Path plansDir) {
        if (!Files.isDirectory(plansDir)) {
            throw new PlanValidationException(List.of(plansDir + ": plans folder not found"));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(plansDir)) {
            files = listing.filter(PlanLoader::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new PlanValidationException(List.of(plansDir + ": cannot list plans: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new PlanValidationException(List.of(plansDir + ": no plan files (*.yaml)"));
        }
        List<String> problems = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (Path file : files) {
            plans.addAll(read(file, problems));
        }
        Set<String> seen = new HashSet<>();
        for (Plan plan : plans) {
            if (!seen.add(plan.id() + "#" + plan.version())) {
                problems.add(plan.sourceFile() + ": plan " + plan.id() + ": version " + plan.version()
                        + " is defined more than once");
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanValidationException(problems);
        }
        return new PlanCatalog(plans);
    }

    List<Plan> read(Path file, List<String> problems) {
        String name = file.getFileName().toString();
        List<Plan> plans = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : textOnlyYaml().loadAll(reader)) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    problems.add(name + ": a plan must be a mapping of fields");
                    continue;
                }
                Plan plan = new PlanFields(name, map, problems).toPlan();
                if (plan != null) {
                    plans.add(plan);
                }
            }
        } catch (IOException | YAMLException e) {
            problems.add(name + ": not readable as YAML: " + firstLine(e.getMessage()));
        }
        return plans;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** YAML that resolves only nulls implicitly: numbers and dates stay text for exact parsing. */
    private static Yaml textOnlyYaml() {
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, resolver);
    }

    /** Reads one plan mapping, adding a problem per bad field instead of stopping at the first. */
    private static final class PlanFields {
        private final String file;
        private final Map<?, ?> map;
        private final List<String> problems;
        private String where;

        PlanFields(String file, Map<?, ?> map, List<String> problems) {
            this.file = file;
            this.map = map;
            this.problems = problems;
            this.where = file;
        }

        Plan toPlan() {
            int before = problems.size();
            String id = text(map, "plan", true);
            where = file + ": plan " + (id == null ? "(no id)" : id);
            unknownFields(map, PLAN_FIELDS, "");
            Integer version = integer(map, "version");
            String name = text(map, "name", false);
            LocalDate from = date(map, "effective_from", true);
            LocalDate to = date(map, "effective_to", false);
            if (from != null && to != null && to.isBefore(from)) {
                problem("effective_to", "is before effective_from");
            }
            String currency = currency(map, "currency");
            List<PlanComponent> components = components();
            if (problems.size() > before) {
                return null;
            }
            return new Plan(id, version, name == null ? id : name, from, to, currency, components, file);
        }

        private List<PlanComponent> components() {
            Object raw = map.get("components");
            if (!(raw instanceof List<?> list) || list.isEmpty()) {
                problem("components", "at least one component is required");
                return List.of();
            }
            if (list.size() > 1) {
                problem("components", "only one component per plan is supported in this version");
            }
            List<PlanComponent> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String prefix = "components[" + i + "].";
                if (!(list.get(i) instanceof Map<?, ?> c)) {
                    problem(prefix.substring(0, prefix.length() - 1), "must be a mapping of fields");
                    continue;
                }
                unknownFields(c, COMPONENT_FIELDS, prefix);
                String id = text(c, "id", true, prefix);
                Metric metric = choice(c, "metric", Metric.class, prefix);
                PayMethod pay = choice(c, "pay", PayMethod.class, prefix);
                BigDecimal rate = rate(c, prefix);
                if (id != null && metric != null && pay != null && rate != null) {
                    result.add(new PlanComponent(id, metric, pay, rate));
                }
            }
            return result;
        }

        private BigDecimal rate(Map<?, ?> m, String prefix) {
            String raw = text(m, "rate", true, prefix);
            if (raw == null) {
                return null;
            }
            try {
                BigDecimal rate = new BigDecimal(raw);
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                    problem(prefix + "rate", "must be between 0 and 1 (0.08 = 8 %), was " + raw);
                    return null;
                }
                return rate;
            } catch (NumberFormatException e) {
                problem(prefix + "rate", "must be a decimal such as 0.08, was '" + raw + "'");
                return null;
            }
        }

        private <E extends Enum<E>> E choice(Map<?, ?> m, String field, Class<E> type, String prefix) {
            String raw = text(m, field, true, prefix);
            if (raw == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(prefix + field, "unknown value '" + raw + "' (supported: "
                        + String.join(", ", Stream.of(type.getEnumConstants()).map(Enum::name).toList()) + ")");
                return null;
            }
        }

        private Integer integer(Map<?, ?> m, String field) {
            String raw = text(m, field, true);
            if (raw == null) {
                return null;
            }
            try {
                int value = Integer.parseInt(raw.trim());
                if (value < 1) {
                    problem(field, "must be 1 or more, was " + raw);
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                problem(field, "must be a whole number, was '" + raw + "'");
                return null;
            }
        }

        private LocalDate date(Map<?, ?> m, String field, boolean required) {
            String raw = text(m, field, required);
            if (raw == null) {
                return null;
            }
            try {
                return LocalDate.parse(raw.trim());
            } catch (DateTimeParseException e) {
                problem(field, "must be a date YYYY-MM-DD, was '" + raw + "'");
                return null;
            }
        }

        private String currency(Map<?, ?> m, String field) {
            String raw = text(m, field, true);
            if (raw == null) {
                return null;
            }
            try {
                return Currency.getInstance(raw.trim()).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                problem(field, "must be an ISO 4217 currency code, was '" + raw + "'");
                return null;
            }
        }

        private String text(Map<?, ?> m, String field, boolean required) {
            return text(m, field, required, "");
        }

        private String text(Map<?, ?> m, String field, boolean required, String prefix) {
            Object value = m.get(field);
            if (value == null || value.toString().isBlank()) {
                if (required) {
                    problem(prefix + field, "is required");
                }
                return null;
            }
            if (value instanceof Map || value instanceof List) {
                problem(prefix + field, "must be a single value");
                return null;
            }
            return value.toString();
        }

        private void unknownFields(Map<?, ?> m, Set<String> known, String prefix) {
            for (Object key : m.keySet()) {
                if (!known.contains(String.valueOf(key))) {
                    problem(prefix + key, "unknown field (supported here: " + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        private void problem(String field, String message) {
            problems.add(where + ": " + field + ": " + message);
        }
    }
}
