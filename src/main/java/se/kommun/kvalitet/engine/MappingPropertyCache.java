package se.kommun.kvalitet.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda's MyBatis mappings test hundreds of properties per query ({@code <if test="...">}); MyBatis evaluates
 * each with OGNL, which looks a property up by its getter (cached) and, where the mapping names a field or a method
 * without a get/is prefix, by scanning every public method of the class, lower-casing each name, on every
 * evaluation. For Camunda's query classes (hundreds of methods each) that scan was 7–26 % of an engine REST task
 * query on kvalitet and on the bare Camunda application alike (docs/performance.md, tuning change 17).
 * <p>
 * This accessor resolves the read method of a class and property once, the way OGNL does (its getter, else its read
 * method), and then reads exactly as OGNL's own {@link ObjectPropertyAccessor} does: through that method when the
 * context's member access allows it, else through the field. The lookup depends only on the class and the name, so
 * the cache never needs invalidating. It replaces OGNL's default accessor for plain objects; maps, lists and
 * MyBatis's own context keep their accessors, which OGNL prefers for those types.
 */
@Component
class MappingPropertyCache extends AbstractProcessEnginePlugin {

    private static final CachingObjectPropertyAccessor ACCESSOR = new CachingObjectPropertyAccessor();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // OGNL keeps accessors per JVM and per class; set before the first query, so no class resolved the default.
        OgnlRuntime.setPropertyAccessor(Object.class, ACCESSOR);
    }

    static final class CachingObjectPropertyAccessor extends ObjectPropertyAccessor {

        private final ClassValue<Map<String, Optional<Method>>> readMethods = new ClassValue<>() {
            @Override
            protected Map<String, Optional<Method>> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            if (target == null) {
                return super.getPossibleProperty(context, target, name);
            }
            Method method = readMethod(target.getClass(), name);
            try {
                if (method != null && context.getMemberAccess().isAccessible(context, target, method, name)) {
                    return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
                }
                return OgnlRuntime.getFieldValue(context, target, name, true);
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getTargetException());
            } catch (Exception e) {
                throw new OgnlException(name, e);
            }
        }

        Method readMethod(Class<?> type, String name) {
            return readMethods.get(type).computeIfAbsent(name, property -> {
                Method getter = OgnlRuntime.getGetMethod(type, property);
                return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null));
            }).orElse(null);
        }
    }
}
