package io.compclose.rules;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BooleanLiteral;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.Elvis;
import org.springframework.expression.spel.ast.FloatLiteral;
import org.springframework.expression.spel.ast.InlineList;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.LongLiteral;
import org.springframework.expression.spel.ast.NullLiteral;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpDivide;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpGE;
import org.springframework.expression.spel.ast.OpGT;
import org.springframework.expression.spel.ast.OpLE;
import org.springframework.expression.spel.ast.OpLT;
import org.springframework.expression.spel.ast.OpMinus;
import org.springframework.expression.spel.ast.OpModulus;
import org.springframework.expression.spel.ast.OpMultiply;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OpPlus;
import org.springframework.expression.spel.ast.OperatorBetween;
import org.springframework.expression.spel.ast.OperatorMatches;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.RealLiteral;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.Ternary;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Conditions in plans and crediting rules ({@code type == 'UPSELL' && product == 'BACKUP'}) are
 * Spring Expression Language, limited twice. When a plan or crediting file is read, a condition may
 * only compare the transaction's properties with literals: a method call, type, constructor, bean,
 * variable, assignment or index is refused there, naming the file and the rule. When it is
 * evaluated, a read-only {@link SimpleEvaluationContext} resolves no type, bean, method or
 * constructor and assigns nothing, should anything get past the first check. A property no transaction
 * has is refused when the file is read too, as is a deal attribute ordered without saying what a
 * booking without it does.
 */
public final class Conditions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final EvaluationContext READ_ONLY = SimpleEvaluationContext.forReadOnlyDataBinding().build();
    /** Plans hold a handful of conditions evaluated for every deal: each is parsed once. */
    private static final Map<String, Expression> PARSED = new ConcurrentHashMap<>();

    /**
     * What a condition is made of: property names, literals, comparisons, logic and arithmetic. An
     * allow-list, so that a construct added to SpEL later is refused until someone decides otherwise.
     */
    private static final Set<Class<? extends SpelNode>> ALLOWED = Set.of(
            PropertyOrFieldReference.class, CompoundExpression.class,
            StringLiteral.class, IntLiteral.class, LongLiteral.class, RealLiteral.class, FloatLiteral.class,
            BooleanLiteral.class, NullLiteral.class, InlineList.class,
            OpEQ.class, OpNE.class, OpLT.class, OpLE.class, OpGT.class, OpGE.class, OperatorBetween.class,
            OperatorMatches.class, OpAnd.class, OpOr.class, OperatorNot.class, Ternary.class, Elvis.class,
            OpPlus.class, OpMinus.class, OpMultiply.class, OpDivide.class, OpModulus.class);

    private Conditions() {
    }

    /**
     * What is wrong with an expression, if anything: its syntax, a construct a condition may not use, or a
     * property it names ({@link ConditionProperties}).
     */
    public static Optional<String> problem(String expression) {
        SpelExpression parsed;
        try {
            parsed = PARSER.parseRaw(expression);
        } catch (ExpressionException e) {
            return Optional.of("not a valid condition: " + e.getSimpleMessage());
        }
        Optional<String> refused = refused(parsed.getAST()).map(node -> "not allowed in a condition: " + describe(node)
                + " (" + node.toStringAST() + "); a condition compares the transaction's properties with literals");
        return refused.isPresent() ? refused : ConditionProperties.problem(parsed.getAST());
    }

    /** Whether the condition holds for the transaction (a record or bean read through its properties). */
    public static boolean holds(String expression, Object transaction) {
        Expression parsed = PARSED.computeIfAbsent(expression, PARSER::parseExpression);
        Boolean result = parsed.getValue(READ_ONLY, transaction, Boolean.class);
        return Boolean.TRUE.equals(result);
    }

    private static Optional<SpelNode> refused(SpelNode node) {
        if (!ALLOWED.contains(node.getClass())) {
            return Optional.of(node);
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            Optional<SpelNode> child = refused(node.getChild(i));
            if (child.isPresent()) {
                return child;
            }
        }
        return Optional.empty();
    }

    private static String describe(SpelNode node) {
        return switch (node.getClass().getSimpleName()) {
            case "TypeReference", "QualifiedIdentifier" -> "a type, T(...)";
            case "ConstructorReference" -> "a constructor, new ...";
            case "BeanReference" -> "a bean, @...";
            case "MethodReference" -> "a method call";
            case "FunctionReference" -> "a function, #...()";
            case "VariableReference" -> "a variable, #...";
            case "Assign" -> "an assignment";
            case "OpInc", "OpDec" -> "an increment or decrement";
            case "Indexer" -> "an index, [...]";
            case "Selection", "Projection" -> "a selection or projection, .?[...] or .![...]";
            case "OperatorInstanceof" -> "instanceof";
            default -> "a " + node.getClass().getSimpleName();
        };
    }
}
