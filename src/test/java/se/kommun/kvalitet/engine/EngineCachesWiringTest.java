package se.kommun.kvalitet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.kommun.kvalitet.KvalitetIntegrationTest;

@KvalitetIntegrationTest
class EngineCachesWiringTest {

    @Autowired
    ProcessEngine processEngine;

    @Test
    void theApplicationsEngineEvaluatesDecisionsWithTheParseCache() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(FeelParseCache.CachingScalaFeelEngine.class);
    }

    @Test
    void theApplicationsMappingsReadQueriesAndEntitiesThroughTheCachedAccessor() throws Exception {
        assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class))
                .isInstanceOf(MappingPropertyCache.CachingObjectPropertyAccessor.class);
        assertThat(OgnlRuntime.getPropertyAccessor(TaskEntity.class))
                .isInstanceOf(MappingPropertyCache.CachingObjectPropertyAccessor.class);
        // A query through the mappings still finds what the engine wrote.
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("caseHandling").latestVersion().count()).isEqualTo(1);
    }
}
