package io.compclose.plan;

import io.compclose.core.crediting.CreditKind;
import io.compclose.core.crediting.CreditRule;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.error.YAMLException;

import io.compclose.core.input.BadInputException;
import io.compclose.core.input.Role;
import io.compclose.plan.PlanLoader;
import io.compclose.plan.YamlNode;

/**
 * Reads the inbox's optional crediting.yaml: the crediting rules, in order. Without the file the
 * defaults apply: the owner (or the reps of splits.csv) gets the booking, and the rep named in
 * sourced_by_rep_id gets sourced credit. Every problem names the file and the field.
 */
public final class CreditingRulesFile {

    public static final String FILE = "crediting.yaml";

    public static final List<CreditRule> DEFAULTS = List.of(
            new CreditRule("owner-or-splits", CreditKind.PRIMARY, null, BigDecimal.ONE, null, null),
            new CreditRule("sourced", CreditKind.SOURCED, null, BigDecimal.ONE, null, null));

    private static final Set<String> FIELDS = Set.of("id", "kind", "when", "share", "role", "levels");

    private final Function<String, Optional<String>> conditionProblem;

    /** @param conditionProblem what is wrong with a condition's syntax, if anything */
    public CreditingRulesFile(Function<String, Optional<String>> conditionProblem) {
        this.conditionProblem = conditionProblem;
    }

    public List<CreditRule> read(Path inbox) {
        Path file = inbox.resolve(FILE);
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        List<String> problems = new ArrayList<>();
        List<CreditRule> rules = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = PlanLoader.textOnlyYaml().load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new BadInputException(FILE + ": must be a mapping with a list of rules");
            }
            YamlNode root = new YamlNode(map, "", FILE, problems);
            root.onlyFields(Set.of("rules"));
            rules.addAll(root.list("rules", this::rule));
        } catch (IOException | YAMLException e) {
            throw new BadInputException(FILE + ": not readable as YAML: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
        Set<String> ids = new HashSet<>();
        rules.stream().map(CreditRule::id).filter(id -> !ids.add(id))
                .forEach(id -> problems.add(FILE + ": rule id " + id + " is used twice"));
        if (problems.isEmpty() && rules.stream().noneMatch(r -> r.kind() == CreditKind.PRIMARY)) {
            problems.add(FILE + ": rules: needs a PRIMARY rule, or no booking is credited");
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.size() + " problem(s) in " + FILE + ": " + String.join("; ", problems));
        }
        return List.copyOf(rules);
    }

    private CreditRule rule(YamlNode node) {
        node.onlyFields(FIELDS);
        String id = node.text("id", true);
        CreditKind kind = node.choice("kind", CreditKind.class, true);
        String when = node.text("when", false);
        if (when != null) {
            conditionProblem.apply(when).ifPresent(problem -> node.problem("when", problem));
        }
        BigDecimal share = node.has("share") ? node.notNegative("share", true) : BigDecimal.ONE;
        if (share != null && (share.signum() == 0 || share.compareTo(BigDecimal.ONE) > 0)) {
            node.problem("share", "must be above 0 and at most 1 (1 = 100 %)");
        }
        Role role = node.has("role") ? node.choice("role", Role.class, true) : null;
        Integer levels = node.has("levels") ? node.whole("levels", true, 1) : null;
        if (kind == CreditKind.PRIMARY && (node.has("share") || role != null || levels != null)) {
            node.problem("kind", "PRIMARY takes the owner or splits.csv; it has no share, role or levels");
        }
        if (kind == CreditKind.OVERLAY && role == null) {
            node.problem("role", "is required: the account_owners.csv role credited, e.g. CSM or RENEWAL");
        }
        if (levels != null && kind != CreditKind.ROLLUP) {
            node.problem("levels", "applies to ROLLUP only");
        }
        if (id == null || kind == null || share == null) {
            return null;
        }
        return new CreditRule(id, kind, when, share, role, levels);
    }
}
