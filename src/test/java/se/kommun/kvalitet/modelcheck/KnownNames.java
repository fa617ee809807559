package se.kommun.kvalitet.modelcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.shared.ProcessVariables;

/**
 * What the Java side offers the models, read from the compiled classes rather than kept as a second list here:
 * delegate beans, and each process's declared variables ({@link ProcessVariables}: names, types, who writes them),
 * which the engine's client guard enforces too.
 */
record KnownNames(Map<String, String> delegateBeans, Map<String, ProcessVariables> declarations) {

    private static final String BASE_PACKAGE = "se.kommun.kvalitet";

    static KnownNames scan() {
        return new KnownNames(scanDelegateBeans(), scanDeclarations());
    }

    /** The declared variables of a process, or null when nothing declares it. */
    ProcessVariables declarationOf(String processKey) {
        return declarations.get(processKey);
    }

    /** Every variable any process declares. */
    Set<String> declaredVariables() {
        Set<String> names = new TreeSet<>();
        declarations.values().forEach(process -> names.addAll(process.names()));
        return names;
    }

    /** The variables only the server writes, in any process: no form may have a field of such a name. */
    Set<String> serverVariables() {
        Set<String> names = new TreeSet<>();
        declarations.values().forEach(process -> names.addAll(process.serverOnlyNames()));
        return names;
    }

    /** Every process declaration; each has a no-argument constructor, so no Spring context is needed. */
    private static Map<String, ProcessVariables> scanDeclarations() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProcessVariables.class));
        Map<String, ProcessVariables> declarations = new TreeMap<>();
        scanner.findCandidateComponents(BASE_PACKAGE).forEach(definition -> {
            try {
                Constructor<?> constructor = Class.forName(definition.getBeanClassName()).getDeclaredConstructor();
                constructor.setAccessible(true);
                ProcessVariables declared = (ProcessVariables) constructor.newInstance();
                if (declarations.put(declared.processKey(), declared) != null) {
                    throw new IllegalStateException("Process '" + declared.processKey() + "' is declared twice");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(definition.getBeanClassName() + " needs a no-argument constructor", e);
            }
        });
        return declarations;
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

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
