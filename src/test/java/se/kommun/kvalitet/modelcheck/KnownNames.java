package se.kommun.kvalitet.modelcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * What the Java side offers the models, read from the compiled classes and sources rather than kept as a
 * second list here: delegate beans, variable-name constants, variables the code sets by literal name, and the
 * variables only the server may write (CaseProcess.SERVER_VARIABLES, which the engine's client guard enforces).
 */
record KnownNames(Map<String, String> delegateBeans, Set<String> javaVariables, Set<String> writtenVariables,
        Set<String> serverVariables) {

    private static final String BASE_PACKAGE = "se.kommun.kvalitet";
    private static final Pattern SET_VARIABLE_LITERAL = Pattern.compile("setVariable\\(\\s*\"(\\w+)\"");

    static KnownNames scan(Path mainSources) {
        Class<?> caseProcess = classNamed(BASE_PACKAGE + ".cases.process.CaseProcess");
        Set<String> caseVariables = stringConstants(caseProcess);
        Set<String> slaVariables = stringConstants(se.kommun.kvalitet.slacalendar.SlaVariables.class);
        Set<String> written = new TreeSet<>(slaVariables);
        written.addAll(caseVariables);
        written.addAll(literalSetVariables(mainSources));
        Set<String> javaVariables = new TreeSet<>(caseVariables);
        javaVariables.addAll(slaVariables);
        return new KnownNames(scanDelegateBeans(), javaVariables, written, serverVariables(caseProcess));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> serverVariables(Class<?> caseProcess) {
        try {
            Field field = caseProcess.getDeclaredField("SERVER_VARIABLES");
            field.setAccessible(true);
            return new TreeSet<>((Set<String>) field.get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bean name to class name of every @Component that Camunda can call as a delegate or task listener. */
    private static Map<String, String> scanDelegateBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(TaskListener.class));
        Map<String, String> beans = new TreeMap<>();
        scanner.findCandidateComponents(BASE_PACKAGE).forEach(definition -> {
            Map<String, Object> component = ((AnnotatedBeanDefinition) definition).getMetadata()
                    .getAnnotationAttributes(Component.class.getName());
            if (component != null && !component.get("value").toString().isEmpty()) {
                beans.put(component.get("value").toString(), definition.getBeanClassName());
            }
        });
        return beans;
    }

    /** CaseProcess is package-private in the cases module, hence reflection; the message/key names are not variables. */
    private static Set<String> stringConstants(Class<?> type) {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            boolean constant = Modifier.isStatic(field.getModifiers()) && field.getType() == String.class;
            if (constant && !field.getName().equals("PROCESS_KEY") && !field.getName().endsWith("_MESSAGE")) {
                field.setAccessible(true);
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Variables such as taskPriority are set by a literal name, not a constant. */
    private static Set<String> literalSetVariables(Path mainSources) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(mainSources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher matcher = SET_VARIABLE_LITERAL.matcher(read(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
