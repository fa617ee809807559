package se.kommun.kvalitet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.ibatis.ognl.MemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.junit.jupiter.api.Test;

/**
 * The cached accessor must read every property exactly as OGNL's own accessor does: the mappings of Camunda's
 * queries and entities read getters, methods without a prefix and plain fields.
 */
class MappingPropertyCacheTest {

    private final MappingPropertyCache.CachingObjectPropertyAccessor cached =
            new MappingPropertyCache.CachingObjectPropertyAccessor();
    private final ObjectPropertyAccessor ognl = new ObjectPropertyAccessor();

    @Test
    void everyFieldOfCamundasQueriesAndEntitiesReadsAsWithOgnl() throws Exception {
        TaskQueryImpl query = new TaskQueryImpl();
        query.taskCandidateGroup("careOfficers").processDefinitionKey("caseHandling").taskNameLike("%Bedöm%")
                .orderByDueDate().asc();
        query.getAuthCheck().setAuthorizationCheckEnabled(true);
        query.getAuthCheck().setAuthUserId("bjorn");
        query.getAuthCheck().setAuthGroupIds(List.of("handlaggare"));
        TaskEntity task = new TaskEntity("task-1");
        task.setName("Bedöm ärendet");
        task.setDelegationStateString(DelegationState.PENDING.name());
        ExecutionEntity execution = new ExecutionEntity();
        execution.setBusinessKey("KV-2026-000123");
        PermissionCheck permission = new PermissionCheck();

        int compared = 0;
        for (Object target : List.of(query, query.getAuthCheck(), task, execution, permission)) {
            for (String name : fieldNames(target.getClass())) {
                assertThat(read(cached, target, name)).as("%s.%s", target.getClass().getSimpleName(), name)
                        .isEqualTo(read(ognl, target, name));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(200);
    }

    @Test
    void aGetterNamedAsThePropertyAndAMethodWithoutPrefixAreReadThroughTheMethod() throws Exception {
        AuthorizationCheck check = new AuthorizationCheck();
        check.setAuthorizationCheckEnabled(true);

        assertThat(cached.getProperty(context(check), check, "authorizationCheckEnabled")).isEqualTo(true);
        assertThat(cached.getProperty(context(check), check, "isAuthorizationCheckEnabled"))
                .isEqualTo(ognl.getProperty(context(check), check, "isAuthorizationCheckEnabled")).isEqualTo(true);
    }

    @Test
    void aFailingGetterFailsAsWithOgnl() throws Exception {
        Failing target = new Failing();

        assertThatThrownBy(() -> cached.getProperty(context(target), target, "value"))
                .isInstanceOf(OgnlException.class).hasRootCauseMessage("no value here");
        assertThatThrownBy(() -> ognl.getProperty(context(target), target, "value"))
                .isInstanceOf(OgnlException.class).hasRootCauseMessage("no value here");
    }

    @Test
    void anUnknownPropertyFailsAsWithOgnl() throws Exception {
        TaskQueryImpl query = new TaskQueryImpl();

        assertThat(read(cached, query, "noSuchProperty")).isEqualTo(read(ognl, query, "noSuchProperty"))
                .startsWith("failed: ");
    }

    public static final class Failing {
        public String getValue() {
            throw new IllegalStateException("no value here");
        }
    }

    /** The value read, or the kind of failure: both accessors must agree on either. */
    private String read(ObjectPropertyAccessor accessor, Object target, String name) throws Exception {
        try {
            return "value: " + Objects.toString(accessor.getProperty(context(target), target, name));
        } catch (OgnlException e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    private static List<String> fieldNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }

    /** A context with the member access MyBatis evaluates its mappings with. */
    private static OgnlContext context(Object root) throws Exception {
        Constructor<?> constructor = Class.forName("org.apache.ibatis.scripting.xmltags.OgnlMemberAccess")
                .getDeclaredConstructor();
        constructor.setAccessible(true);
        return Ognl.createDefaultContext(root, (MemberAccess) constructor.newInstance());
    }
}
