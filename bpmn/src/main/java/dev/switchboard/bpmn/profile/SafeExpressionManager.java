package dev.switchboard.bpmn.profile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.common.engine.api.delegate.FlowableFunctionDelegate;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.common.engine.impl.el.ExpressionManager;
import org.flowable.common.engine.impl.el.FlowableAstFunctionCreator;
import org.flowable.common.engine.impl.el.FlowableFunctionResolverFactory;
import org.flowable.common.engine.impl.javax.el.ELContext;

/**
 * The engine's only expression evaluator: the place where Flowable would evaluate JUEL (conditions,
 * timers, cardinalities, called elements, message names), it gets FEEL for {@code =…} text and the
 * text itself otherwise. JUEL ({@code ${…}}, {@code #{…}}), which can call any Java method, is refused
 * when evaluated, whatever path the model took into the engine: this is the run-time half of the
 * profile whose deploy-time half is {@link BpmnProfile}.
 */
public final class SafeExpressionManager implements ExpressionManager {

    /** The variables of a run as an expression sees them: the run's own, plus {@code contact}. */
    private final BiFunction<VariableContainer, String, Map<String, Object>> variables;

    public SafeExpressionManager(BiFunction<VariableContainer, String, Map<String, Object>> variables) {
        this.variables = variables;
    }

    @Override
    public Expression createExpression(String text) {
        if (text == null) {
            return new Literal(null);
        }
        if (Feel.isExpression(text)) {
            return new FeelExpression(text, variables);
        }
        if (BpmnProfile.isJuel(text)) {
            return new Refused(text);
        }
        return new Literal(text);
    }

    /**
     * Whether a condition ({@code = …}) holds for a run now: {@code true} holds; {@code false} and null (a
     * value not set yet, such as a custom field the contact has no value for) do not.
     *
     * @throws FlowableException when it is not an expression, fails, or gives something other than true or false
     */
    public boolean holds(String text, VariableContainer container) {
        if (!Feel.isExpression(text)) {
            throw new FlowableException("the condition '" + Feel.abbreviate(String.valueOf(text))
                    + "' is not a FEEL expression written after '='");
        }
        String source = Feel.source(text);
        try {
            return Feel.holds(source, variables.apply(container, source));
        } catch (IllegalArgumentException e) {
            throw new FlowableException(e.getMessage());
        }
    }

    @Override
    public ELContext getElContext(VariableContainer variableContainer) {
        throw new FlowableException("JUEL is not available: workflow expressions are FEEL ('=…')");
    }

    @Override
    public Map<Object, Object> getBeans() {
        return Map.of();
    }

    /** Beans are never reachable from a workflow; what the engine offers is dropped. */
    @Override
    public void setBeans(Map<Object, Object> beans) {
        // nothing: no bean lookup in the platform's profile
    }

    @Override
    public List<FlowableFunctionDelegate> getFunctionDelegates() {
        return List.of();
    }

    @Override
    public void setFunctionDelegates(List<FlowableFunctionDelegate> functionDelegates) {
        // nothing: FEEL's built-in functions are the only ones
    }

    @Override
    public List<FlowableAstFunctionCreator> getAstFunctionCreators() {
        return List.of();
    }

    @Override
    public void setAstFunctionCreators(List<FlowableAstFunctionCreator> astFunctionCreators) {
        // nothing: see setFunctionDelegates
    }

    @Override
    public FlowableFunctionResolverFactory getFunctionResolverFactory() {
        return null;
    }

    @Override
    public void setFunctionResolverFactory(FlowableFunctionResolverFactory functionResolverFactory) {
        // nothing: see setFunctionDelegates
    }

    /** Text that is not an expression: the value is the text. */
    record Literal(String text) implements Expression {

        @Override
        public Object getValue(VariableContainer variableContainer) {
            return text;
        }

        @Override
        public void setValue(Object value, VariableContainer variableContainer) {
            throw new FlowableException("a literal cannot be assigned to");
        }

        @Override
        public String getExpressionText() {
            return text;
        }
    }

    /** A FEEL expression, evaluated over the run's variables each time it is read. */
    record FeelExpression(String text, BiFunction<VariableContainer, String, Map<String, Object>> variables)
            implements Expression {

        @Override
        public Object getValue(VariableContainer variableContainer) {
            String source = Feel.source(text);
            Map<String, Object> context = variableContainer == null ? Map.of() : variables.apply(variableContainer, source);
            try {
                return Feel.evaluate(source, context);
            } catch (IllegalArgumentException e) {
                throw new FlowableException(e.getMessage());
            }
        }

        @Override
        public void setValue(Object value, VariableContainer variableContainer) {
            throw new FlowableException("a FEEL expression cannot be assigned to");
        }

        @Override
        public String getExpressionText() {
            return text;
        }
    }

    /** JUEL that reached the engine without passing the deploy check: never evaluated. */
    record Refused(String text) implements Expression {

        @Override
        public Object getValue(VariableContainer variableContainer) {
            throw new FlowableException("refused to evaluate '" + Feel.abbreviate(text)
                    + "': JUEL expressions are not part of the platform's profile; write FEEL after '='");
        }

        @Override
        public void setValue(Object value, VariableContainer variableContainer) {
            getValue(variableContainer);
        }

        @Override
        public String getExpressionText() {
            return text;
        }
    }

    /** The variables of a container, for containers that offer no more than names. */
    public static Map<String, Object> variablesOf(VariableContainer container) {
        Set<String> names = container.getVariableNames();
        java.util.LinkedHashMap<String, Object> values = new java.util.LinkedHashMap<>();
        for (String name : names) {
            values.put(name, container.getVariable(name));
        }
        return values;
    }
}
