package io.compclose.plan;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.compclose.core.crediting.CreditKind;
import io.compclose.core.crediting.CreditRule;
import io.compclose.core.input.BadInputException;
import io.compclose.core.input.Role;
import io.compclose.system.BoundYaml;
import io.compclose.system.FieldProblems;

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

    private static final String SHARE = "must be above 0 and at most 1 (1 = 100 %)";

    /** The file as written. */
    record Rules(@Valid List<@NotNull(message = BoundYaml.MAPPING) Rule> rules) {
    }

    record Rule(@NotBlank String id, @NotNull CreditKind kind, String when,
            @DecimalMin(value = "0", inclusive = false, message = SHARE) @DecimalMax(value = "1", message = SHARE)
            BigDecimal share, Role role, @Min(1) Integer levels) {
    }

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
        BoundYaml.Document<Rules> document;
        try {
            document = BoundYaml.read(file, Rules.class);
        } catch (BoundYaml.UnreadableException e) {
            throw new BadInputException(FILE + ": " + e.getMessage(), e);
        }
        FieldProblems problems = document.problems();
        if (document.value() == null && problems.isEmpty()) {
            throw new BadInputException(FILE + ": must be a mapping with a list of rules");
        }
        List<CreditRule> rules = problems.each("rules", document.value() == null ? null : document.value().rules(),
                this::rule);
        Set<String> ids = new HashSet<>();
        rules.stream().map(CreditRule::id).filter(id -> id != null && !ids.add(id))
                .forEach(id -> problems.add("rules", "rule id " + id + " is used twice"));
        if (problems.isEmpty() && rules.stream().noneMatch(r -> r.kind() == CreditKind.PRIMARY)) {
            problems.add("rules", "needs a PRIMARY rule, or no booking is credited");
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.size() + " problem(s) in " + FILE + ": "
                    + String.join("; ", problems.named(FILE)));
        }
        return rules;
    }

    private CreditRule rule(Rule rule, FieldProblems problems) {
        PlanLoader.condition(conditionProblem, rule.when(), problems);
        if (rule.kind() == CreditKind.PRIMARY && (rule.share() != null || rule.role() != null || rule.levels() != null)) {
            problems.add("kind", "PRIMARY takes the owner or splits.csv; it has no share, role or levels");
        }
        if (rule.kind() == CreditKind.OVERLAY && rule.role() == null && !problems.has("role")) {
            problems.add("role", "is required: the account_owners.csv role credited, e.g. CSM or RENEWAL");
        }
        if (rule.levels() != null && rule.kind() != CreditKind.ROLLUP) {
            problems.add("levels", "applies to ROLLUP only");
        }
        return new CreditRule(rule.id(), rule.kind(), rule.when(), rule.share() == null ? BigDecimal.ONE : rule.share(),
                rule.role(), rule.levels());
    }
}
