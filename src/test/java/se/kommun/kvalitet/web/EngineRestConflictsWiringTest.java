package se.kommun.kvalitet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import se.kommun.kvalitet.KvalitetIntegrationTest;

/**
 * Jersey picks the mapper of the nearest exception type, so the conflict rule must shadow each type Camunda maps
 * itself; a missing one lets that kind of conflict through as Camunda's 500 or 403.
 */
@KvalitetIntegrationTest
class EngineRestConflictsWiringTest {

    @Autowired
    List<ResourceConfigCustomizer> customizers;

    @Test
    void shadowsEachOfCamundasExceptionMappers() {
        ResourceConfig config = new ResourceConfig();
        customizers.forEach(customizer -> customizer.customize(config));

        List<Object> mappedTypes = config.getInstances().stream()
                .filter(EngineRestConflicts.ConflictMapper.class::isInstance)
                .map(mapper -> Arrays.stream(mapper.getClass().getGenericInterfaces())
                        .map(ParameterizedType.class::cast)
                        .filter(type -> type.getRawType() == ExceptionMapper.class)
                        .findFirst().orElseThrow().getActualTypeArguments()[0])
                .map(Object.class::cast).toList();

        assertThat(mappedTypes).containsExactlyInAnyOrder(RestException.class, ProcessEngineException.class,
                Throwable.class);
    }
}
