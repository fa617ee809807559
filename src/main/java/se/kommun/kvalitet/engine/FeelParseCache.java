package se.kommun.kvalitet.engine;

import java.util.List;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.commons.utils.cache.ConcurrentLruCache;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Decision tables (routing, and the SLA, risk and quality-payment tables to come) are evaluated with FEEL
 * expressions that only change with a deployment, yet Camunda's FEEL integration parses every input expression,
 * input entry and output entry again on each evaluation: about half of the routing DMN's cost, 4 % of an
 * intake's CPU. This plugin keeps the parsed form, keyed by the expression's text, and otherwise evaluates
 * exactly as Camunda does (same function providers, value mappers and configuration).
 */
@Component
class FeelParseCache extends AbstractProcessEnginePlugin {

    /** Distinct expression texts kept; each deployed decision table holds at most a few hundred. */
    static final int CAPACITY = 2_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return; // the legacy Java FEEL engine is another engine altogether; left as configured
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // Called while the engine builds its DMN engine, after it has handed over its custom function providers.
        dmn.setFeelEngineFactory(() -> new CachingScalaFeelEngine(dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static final class CachingScalaFeelEngine extends ScalaFeelEngine {

        CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        /** Built as {@link ScalaFeelEngine} builds its engine: its functions, its value mapper, no external functions. */
        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                ValueMapper.CompositeValueMapper valueMapper) {
            return new ParsedExpressionCache(functions, valueMapper);
        }

        FeelEngine feel() {
            return feelEngine;
        }
    }

    static final class ParsedExpressionCache extends FeelEngine {

        private final ConcurrentLruCache<String, Either<Failure, ParsedExpression>> expressions =
                new ConcurrentLruCache<>(CAPACITY);
        private final ConcurrentLruCache<String, Either<Failure, ParsedExpression>> unaryTests =
                new ConcurrentLruCache<>(CAPACITY);

        ParsedExpressionCache(CustomFunctionTransformer functions, ValueMapper valueMapper) {
            super(functions, valueMapper, new Configuration(false), FeelEngine.defaultClock());
        }

        @Override
        public Either<Failure, Object> evalExpression(String expression, Context context) {
            return evaluate(parsed(expressions, expression, this::parseExpression), context);
        }

        @Override
        public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
            return evaluate(parsed(unaryTests, expression, this::parseUnaryTests), context);
        }

        int cachedExpressions() {
            return expressions.size() + unaryTests.size();
        }

        private static Either<Failure, ParsedExpression> parsed(
                ConcurrentLruCache<String, Either<Failure, ParsedExpression>> cache, String expression,
                Function<String, Either<Failure, ParsedExpression>> parser) {
            Either<Failure, ParsedExpression> parsed = cache.get(expression);
            if (parsed == null) {
                // A text that does not parse is kept too: it fails the same way every time.
                parsed = parser.apply(expression);
                cache.put(expression, parsed);
            }
            return parsed;
        }

        @SuppressWarnings("unchecked")
        private Either<Failure, Object> evaluate(Either<Failure, ParsedExpression> parsed, Context context) {
            return parsed.isRight() ? eval(parsed.toOption().get(), context)
                    : (Either<Failure, Object>) (Either<Failure, ?>) parsed;
        }
    }
}
