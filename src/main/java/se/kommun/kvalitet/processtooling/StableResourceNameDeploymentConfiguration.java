package se.kommun.kvalitet.processtooling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The starter's auto-deployment, with each resource named by its path below the classpath root
 * ({@code processes/case-handling.bpmn}, {@code forms/act-on-case.form}). The starter would name it by its
 * absolute file path when run from {@code target/classes} and by its bare file name from a jar, so a
 * redeploy from the file system could never match those names and duplicate filtering would see every file
 * as new. Replaces the starter's {@code DefaultDeploymentConfiguration} (it is conditional on a missing bean).
 */
@Component
class StableResourceNameDeploymentConfiguration extends DefaultDeploymentConfiguration {

    static final String PROCESSES_ROOT = "processes/";
    static final String FORMS_ROOT = "forms/";

    @Override
    public Set<Resource> getDeploymentResources() {
        Map<String, String> rootLocations = rootLocations();
        Set<Resource> named = new LinkedHashSet<>();
        for (Resource resource : super.getDeploymentResources()) {
            String location = location(resource);
            named.add(rootLocations.entrySet().stream()
                    .filter(root -> location.startsWith(root.getKey()))
                    .findFirst()
                    .<Resource>map(root -> new NamedResource(resource,
                            root.getValue() + location.substring(root.getKey().length())))
                    .orElse(resource));
        }
        return named;
    }

    /** Location of each classpath root folder (a directory or a jar entry) → its resource name prefix. */
    private static Map<String, String> rootLocations() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, String> roots = new LinkedHashMap<>();
        try {
            for (String root : List.of(PROCESSES_ROOT, FORMS_ROOT)) {
                for (Resource folder : resolver.getResources("classpath*:" + root)) {
                    String location = location(folder);
                    roots.put(location.endsWith("/") ? location : location + "/", root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return roots;
    }

    /** Files as normalised file URIs (class loaders and file walkers spell {@code file:} URLs differently). */
    private static String location(Resource resource) {
        try {
            return resource.isFile() ? resource.getFile().toPath().toAbsolutePath().normalize().toUri().toString()
                    : resource.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spring's auto-deployment takes a {@link ContextResource}'s path as the deployment resource name. */
    private static final class NamedResource extends AbstractResource implements ContextResource {

        private final Resource delegate;
        private final String name;

        NamedResource(Resource delegate, String name) {
            this.delegate = delegate;
            this.name = name;
        }

        @Override
        public String getPathWithinContext() {
            return name;
        }

        @Override
        public boolean exists() {
            return delegate.exists();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return delegate.getInputStream();
        }

        @Override
        public String getDescription() {
            return name + " (" + delegate.getDescription() + ")";
        }
    }
}
