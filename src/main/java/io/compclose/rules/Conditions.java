package io.compclose.rules;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Conditions in plans and crediting rules ({@code type == 'UPSELL' && product == 'BACKUP'}) are
 * Spring Expression Language, evaluated against the transaction with a read-only
 * {@link SimpleEvaluationContext}: properties can be read, but no type can be referenced, no bean
 * reached, no constructor called and nothing assigned.
 */
public final class Conditions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final EvaluationContext READ_ONLY = SimpleEvaluationContext.forReadOnlyDataBinding().build();
    /** Plans hold a handful of conditions evaluated for every deal: each is parsed once. */
    private static final Map<String, Expression> PARSED = new ConcurrentHashMap<>();

    private Conditions() {
    }

    /** What is wrong with an expression's syntax, if anything. */
    public static Optional<String> problem(String expression) {
        try {
            PARSER.parseExpression(expression);
            return Optional.empty();
        } catch (ExpressionException e) {
            return Optional.of("not a valid condition: " + e.getSimpleMessage());
        }
    }

    /** Whether the condition holds for the transaction (a record or bean read through its properties). */
    public static boolean holds(String expression, Object transaction) {
        Expression parsed = PARSED.computeIfAbsent(expression, PARSER::parseExpression);
        Boolean result = parsed.getValue(READ_ONLY, transaction, Boolean.class);
        return Boolean.TRUE.equals(result);
    }
}
