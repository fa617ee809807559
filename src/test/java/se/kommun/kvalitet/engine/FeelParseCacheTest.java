package se.kommun.kvalitet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.engine.FeelParseCache.CachingScalaFeelEngine;
import se.kommun.kvalitet.engine.FeelParseCache.ParsedExpressionCache;

class FeelParseCacheTest {

    private final CachingScalaFeelEngine feel = new CachingScalaFeelEngine(null);

    @Test
    void parsesEachTextOnceAndEvaluatesItAgainstEachCall() {
        VariableContext complaint = Variables.putValue("caseType", "COMPLAINT").asVariableContext();
        VariableContext praise = Variables.putValue("caseType", "PRAISE").asVariableContext();

        assertThat((Object) feel.evaluateSimpleExpression("caseType", complaint)).isEqualTo("COMPLAINT");
        assertThat(feel.evaluateSimpleUnaryTests("\"COMPLAINT\",\"SUGGESTION\"", "caseType", complaint)).isTrue();
        assertThat((Object) feel.evaluateSimpleExpression("caseType", praise)).isEqualTo("PRAISE");
        assertThat(feel.evaluateSimpleUnaryTests("\"COMPLAINT\",\"SUGGESTION\"", "caseType", praise)).isFalse();

        assertThat(((ParsedExpressionCache) feel.feel()).cachedExpressions()).isEqualTo(2);
    }

    @Test
    void aTextThatDoesNotParseFailsWithCamundasMessageEveryTime() {
        VariableContext variables = Variables.putValue("slaWorkingDays", 5).asVariableContext();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> feel.evaluateSimpleExpression("slaWorkingDays +", variables))
                    .isInstanceOf(FeelException.class)
                    .hasMessageContaining("failed to parse expression 'slaWorkingDays +'");
        }
    }

    @Test
    void routesEveryCaseAsCamundasOwnFeelEngineDoes() throws IOException {
        DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration cachingConfiguration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        cachingConfiguration.setFeelEngineFactory(() -> feel);
        DmnEngine caching = cachingConfiguration.buildEngine();
        DmnDecision byCamunda = routing(camunda);
        DmnDecision byCache = routing(caching);

        for (String caseType : List.of("COMPLAINT", "SUGGESTION", "PRAISE", "QUESTION", "FAULT_REPORT")) {
            for (String category : List.of("WINTER_ROAD", "POTHOLE", "STREET_LIGHT", "ELDERLY_CARE",
                    "DISABILITY_SUPPORT", "SCHOOL_TRANSPORT", "SCHOOL", "STREETS_PARKS", "CULTURE_LEISURE", "OTHER")) {
                Map<String, Object> variables = Map.of("caseType", caseType, "category", category);
                assertThat(caching.evaluateDecisionTable(byCache, variables).getSingleResult().getEntryMap())
                        .as(caseType + "/" + category)
                        .isEqualTo(camunda.evaluateDecisionTable(byCamunda, variables).getSingleResult().getEntryMap());
            }
        }
    }

    @Test
    void theEngineBuildsItsDecisionEngineWithTheCache() {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        new FeelParseCache().preInit(configuration);

        assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory().createInstance())
                .isInstanceOf(CachingScalaFeelEngine.class);
    }

    @Test
    void leavesTheLegacyFeelEngineAlone() {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDmnFeelEnableLegacyBehavior(true);
        new FeelParseCache().preInit(configuration);

        assertThat(configuration.getDmnEngineConfiguration()).isNull();
    }

    private static DmnDecision routing(DmnEngine engine) throws IOException {
        try (InputStream dmn = Files.newInputStream(Path.of("processes/case-routing.dmn"))) {
            return engine.parseDecision("caseRouting", dmn);
        }
    }
}
