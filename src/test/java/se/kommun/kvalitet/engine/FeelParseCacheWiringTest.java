package se.kommun.kvalitet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.kommun.kvalitet.KvalitetIntegrationTest;

@KvalitetIntegrationTest
class FeelParseCacheWiringTest {

    @Autowired
    ProcessEngine processEngine;

    @Test
    void theApplicationsEngineEvaluatesDecisionsWithTheParseCache() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(FeelParseCache.CachingScalaFeelEngine.class);
    }
}
