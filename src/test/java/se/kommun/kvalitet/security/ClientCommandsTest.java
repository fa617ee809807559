package se.kommun.kvalitet.security;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tripwire for Camunda upgrades: every command in the engine that can carry variables must be one the guard
 * knows ({@link ClientCommands}) or one reviewed here as no client's way to write process variables. A new Camunda
 * version that adds such a command fails this test by name; one that renames a field the guard reads stops the
 * application at start ({@link ClientCommands} resolves its fields when it loads, asserted here too).
 */
class ClientCommandsTest {

    /** Carry maps, but none is a way for a client to write process variables; reviewed for Camunda 7.24.0. */
    private static final Map<String, String> REVIEWED = Map.ofEntries(
            Map.entry("cmd.SaveFilterCmd", "a Tasklist filter's query and properties"),
            Map.entry("dmn.cmd.EvaluateDecisionCmd", "a decision's inputs; nothing is stored on a process"),
            Map.entry("dmn.cmd.EvaluateDecisionTableCmd", "a decision's inputs; nothing is stored on a process"),
            Map.entry("cmd.ActivityBeforeInstantiationCmd", "an instruction, checked through its modification"),
            Map.entry("cmd.ActivityAfterInstantiationCmd", "an instruction, checked through its modification"),
            Map.entry("cmd.TransitionInstantiationCmd", "an instruction, checked through its modification"));

    private static final String ENGINE = "org.camunda.bpm.engine.impl.";

    @Test
    void everyEngineCommandThatCarriesVariablesIsGuardedOrReviewed() throws IOException {
        Set<String> guarded = new TreeSet<>();
        ClientCommands.covered().forEach(type -> guarded.add(type.getName().substring(ENGINE.length())));

        Set<String> carriers = variableCarryingCommands();

        assertThat(carriers).as("commands that carry variables").isNotEmpty().contains("cmd.CompleteTaskCmd",
                "cmd.StartProcessInstanceCmd", "cmd.SetTaskVariablesCmd");
        Set<String> unknown = new TreeSet<>(carriers);
        unknown.removeAll(guarded);
        unknown.removeAll(REVIEWED.keySet());
        assertThat(unknown).as("new in this Camunda version: add to ClientCommands or review here").isEmpty();
        assertThat(REVIEWED.keySet()).as("reviewed commands that no longer exist or carry nothing")
                .allSatisfy(name -> assertThat(carriers).contains(name));
    }

    @Test
    void theGuardsFieldsAreResolvedWhenItLoads() {
        // Loading the class resolves every field it reads; reading a command proves the lookup works.
        ClientCommands.Request request = ClientCommands.describe(new CompleteTaskCmd("42", Map.of("findings", "x")));

        assertThat(request).isEqualTo(new ClientCommands.TaskSubmission("42", Map.of("findings", "x")));
    }

    @Test
    void aFieldThatAnUpgradeRenamedStopsTheGuardLoudly() {
        assertThatThrownBy(() -> new ClientCommands.Read<>(CompleteTaskCmd.class, "taskIdentifier"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Camunda changed: org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd has no field "
                        + "'taskIdentifier'");
    }

    private static Set<String> variableCarryingCommands() throws IOException {
        Path jar = Path.of(CompleteTaskCmd.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Set<String> carriers = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (!entry.endsWith(".class") || entry.contains("$")) {
                    continue;
                }
                String name = entry.substring(0, entry.length() - 6).replace('/', '.');
                if (!name.startsWith(ENGINE)) {
                    continue;
                }
                Class<?> type = load(name);
                if (type != null && isCommand(type) && carriesVariables(type, 2)) {
                    carriers.add(name.substring(ENGINE.length()));
                }
            }
        }
        return carriers;
    }

    private static boolean isCommand(Class<?> type) {
        return Command.class.isAssignableFrom(type) && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers()) && !AbstractQuery.class.isAssignableFrom(type)
                && !AbstractNativeQuery.class.isAssignableFrom(type);
    }

    /** Has a field (here or, through builders and instructions, up to depth levels down) that can hold variables. */
    private static boolean carriesVariables(Class<?> type, int depth) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && holdsVariables(field.getType(), field.getGenericType(),
                        depth)) {
                    return true;
                }
            }
        }
        if (type.isInterface()) {
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 0 && holdsVariables(method.getReturnType(),
                        method.getGenericReturnType(), 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsVariables(Class<?> raw, Type generic, int depth) {
        if (VariableMap.class.isAssignableFrom(raw)) {
            return true;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type value = generic instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[1]
                    : Object.class;
            return value == Object.class || value == TypedValue.class || value instanceof WildcardType;
        }
        if (depth == 0) {
            return false;
        }
        if (Collection.class.isAssignableFrom(raw) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && isBuilderLike(element)) {
            return carriesVariables(element, depth - 1);
        }
        return isBuilderLike(raw) && carriesVariables(raw, depth - 1);
    }

    /** Builders, plans and instructions a command holds; not the engine's services, contexts and entities. */
    private static boolean isBuilderLike(Class<?> type) {
        String name = type.getName();
        return name.startsWith("org.camunda.bpm.engine.") && !type.isEnum()
                && !name.contains(".persistence.") && !name.contains(".entity.") && !name.contains(".interceptor.")
                && !name.contains(".cfg.") && !name.endsWith("Query") && !name.endsWith("QueryImpl");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ClientCommandsTest.class.getClassLoader());
        } catch (Throwable optionalDependencyMissing) {
            return null;
        }
    }
}
