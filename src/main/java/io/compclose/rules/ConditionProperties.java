package io.compclose.rules;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.FloatLiteral;
import org.springframework.expression.spel.ast.InlineList;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.Literal;
import org.springframework.expression.spel.ast.LongLiteral;
import org.springframework.expression.spel.ast.NullLiteral;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpGE;
import org.springframework.expression.spel.ast.OpGT;
import org.springframework.expression.spel.ast.OpLE;
import org.springframework.expression.spel.ast.OpLT;
import org.springframework.expression.spel.ast.OpMinus;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OperatorBetween;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.RealLiteral;

import io.compclose.core.calculation.CreditedDeal;
import io.compclose.core.calculation.RepCalculator;
import io.compclose.core.crediting.BookingFacts;
import io.compclose.core.input.DealAttribute;
import io.compclose.system.Nearest;

/**
 * What a condition may name: the properties of what conditions are evaluated on (a credited deal, a
 * booking's facts, an activity's type), checked when the plans and crediting rules are read, so that a
 * misspelt name stops the close there rather than failing or never matching later. A deal attribute
 * ({@link DealAttribute}) may be missing from a booking: a condition that orders one must say what a
 * booking without it does, and may not compare it with a figure outside its range.
 */
final class ConditionProperties {

    /** Every name a condition may start a property path with. */
    private static final Set<String> KNOWN = known(CreditedDeal.class, BookingFacts.class,
            RepCalculator.ActivityType.class);

    /**
     * {@code class} is a property of every object: not a misspelling but an attempt, which the read-only
     * evaluation context refuses (it reads no class); it is left to that context rather than named here.
     */
    private static final String EVERY_OBJECTS = "class";

    private ConditionProperties() {
    }

    /** What is wrong with the names the condition reads, if anything. */
    static Optional<String> problem(SpelNode root) {
        List<PropertyOrFieldReference> names = new ArrayList<>();
        collectRootNames(root, names);
        for (PropertyOrFieldReference name : names) {
            String property = name.getName();
            if (!KNOWN.contains(property) && !property.equals(EVERY_OBJECTS)) {
                return Optional.of("unknown property '" + property + "'" + meant(property)
                        .map(meant -> ": did you mean " + meant + "?").orElse("")
                        + " (jobs/plans.md, Conditions, lists what a condition reads)");
            }
        }
        return orderedAttribute(root, root);
    }

    /** The known name a typo away, or the one the name begins, written as a column or not (gross_margin). */
    private static Optional<String> meant(String typed) {
        String start = typed.replace("_", "").toLowerCase(Locale.ROOT);
        return Nearest.among(typed, KNOWN).or(() -> start.length() < 4 ? Optional.empty() : KNOWN.stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(start)).sorted().findFirst());
    }

    private static Set<String> known(Class<?>... subjects) {
        Set<String> names = new TreeSet<>();
        for (Class<?> subject : subjects) {
            Stream.of(subject.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
        }
        Stream.of(DealAttribute.values()).map(DealAttribute::property).forEach(names::add);
        return Set.copyOf(names);
    }

    /** The names read from the transaction itself: not the later steps of a path ({@code bookedOn.year}). */
    private static void collectRootNames(SpelNode node, List<PropertyOrFieldReference> names) {
        if (node instanceof PropertyOrFieldReference reference) {
            names.add(reference);
        }
        int children = node instanceof CompoundExpression ? Math.min(1, node.getChildCount()) : node.getChildCount();
        for (int i = 0; i < children; i++) {
            collectRootNames(node.getChild(i), names);
        }
    }

    /** An attribute ordered (&lt;, &gt;=, between) without a null test, or against a figure outside its range. */
    private static Optional<String> orderedAttribute(SpelNode node, SpelNode root) {
        boolean ordering = node instanceof OpLT || node instanceof OpLE || node instanceof OpGT || node instanceof OpGE
                || node instanceof OperatorBetween;
        if (ordering || node instanceof OpEQ || node instanceof OpNE) {
            DealAttribute attribute = attributeOperand(node);
            if (attribute != null) {
                Optional<String> outside = outsideRange(node, attribute);
                if (outside.isPresent()) {
                    return outside;
                }
                if (ordering && !testsForNull(root, attribute)) {
                    String name = attribute.property();
                    String written = node.toStringAST(); // an operator writes itself in parentheses
                    String test = written.substring(1, written.length() - 1);
                    return Optional.of("compares " + name + ", which a booking may not carry: say what a booking "
                            + "without it does, e.g. \"" + name + " != null and " + test
                            + "\" (nothing without it) or \"" + name + " == null or " + test + "\"");
                }
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            Optional<String> child = orderedAttribute(node.getChild(i), root);
            if (child.isPresent()) {
                return child;
            }
        }
        return Optional.empty();
    }

    private static DealAttribute attributeOperand(SpelNode comparison) {
        for (int i = 0; i < comparison.getChildCount(); i++) {
            if (comparison.getChild(i) instanceof PropertyOrFieldReference reference) {
                DealAttribute attribute = DealAttribute.ofProperty(reference.getName());
                if (attribute != null) {
                    return attribute;
                }
            }
        }
        return null;
    }

    /** Whether {@code attribute == null} or {@code attribute != null} appears anywhere in the condition. */
    private static boolean testsForNull(SpelNode node, DealAttribute attribute) {
        if ((node instanceof OpEQ || node instanceof OpNE) && attributeOperand(node) == attribute
                && (node.getChild(0) instanceof NullLiteral || node.getChild(1) instanceof NullLiteral)) {
            return true;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            if (testsForNull(node.getChild(i), attribute)) {
                return true;
            }
        }
        return false;
    }

    /** A figure the attribute is compared with that it can never have: 150 % margin, or 400 days of terms. */
    private static Optional<String> outsideRange(SpelNode comparison, DealAttribute attribute) {
        List<SpelNode> operands = new ArrayList<>();
        for (int i = 0; i < comparison.getChildCount(); i++) {
            SpelNode child = comparison.getChild(i);
            if (child instanceof InlineList list) {
                for (int j = 0; j < list.getChildCount(); j++) {
                    operands.add(list.getChild(j));
                }
            } else {
                operands.add(child);
            }
        }
        for (SpelNode operand : operands) {
            BigDecimal figure = number(operand);
            if (figure != null && !attribute.admits(figure)) {
                return Optional.of("compares " + attribute.property() + " with " + figure.toPlainString()
                        + ", which it cannot be: it is " + attribute.range()
                        + (attribute.whole() ? " days" : " (a percent: 20 % is written 20)"));
            }
        }
        return Optional.empty();
    }

    /** A number written in the condition, -5 included, or null. */
    private static BigDecimal number(SpelNode node) {
        if (node instanceof OpMinus minus && minus.getChildCount() == 1) {
            BigDecimal figure = number(minus.getChild(0));
            return figure == null ? null : figure.negate();
        }
        if (node instanceof IntLiteral || node instanceof LongLiteral || node instanceof RealLiteral
                || node instanceof FloatLiteral) {
            return new BigDecimal(((Literal) node).getLiteralValue().getValue().toString());
        }
        return null;
    }
}
