package se.kommun.kvalitet.processtooling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.kommun.kvalitet.security.StartPermissions;

/**
 * Deploys every BPMN, DMN and form file in the configured directories as one deployment under the starter's
 * deployment name, exactly as a restart would (ADR 0007): duplicate filtering against the latest deployment
 * of that name, and when any file changed, all of them together, so each new process version finds its forms
 * ({@code formRefBinding="deployment"}) and its decision in its own deployment.
 */
@Service
class ProcessRedeployment {

    private static final Logger log = LoggerFactory.getLogger(ProcessRedeployment.class);

    private final RepositoryService repositoryService;
    private final ProcessToolingProperties properties;
    private final String deploymentName;
    private final StartPermissions startPermissions;

    ProcessRedeployment(RepositoryService repositoryService, ProcessToolingProperties properties,
            ProcessEngineConfigurationImpl engineConfiguration, StartPermissions startPermissions) {
        this.repositoryService = repositoryService;
        this.properties = properties;
        this.startPermissions = startPermissions;
        // The starter's bean is declared as the Impl type but always is the Spring one, which names the
        // auto-deployment ("SpringAutoDeployment" unless configured).
        this.deploymentName = ((SpringProcessEngineConfiguration) engineConfiguration).getDeploymentName();
    }

    record DefinitionVersion(String key, int version) {
    }

    record Result(String deploymentId, boolean deployed, List<String> resources,
            List<DefinitionVersion> processDefinitions) {
    }

    Result redeploy() {
        SortedMap<String, Path> files = files();
        String previousDeploymentId = latestDeploymentId();
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(deploymentName)
                // false = "deploy changed only" off: one changed file redeploys the whole set.
                .enableDuplicateFiltering(false);
        files.forEach((name, path) -> builder.addInputStream(name, new ByteArrayInputStream(read(path))));
        Deployment deployment = deploy(builder);
        boolean deployed = !deployment.getId().equals(previousDeploymentId);
        List<DefinitionVersion> definitions = repositoryService.createProcessDefinitionQuery()
                .deploymentId(deployment.getId()).orderByProcessDefinitionKey().asc().list().stream()
                .map(definition -> new DefinitionVersion(definition.getKey(), definition.getVersion()))
                .toList();
        if (deployed) {
            // Who may start a process is in its BPMN (candidateStarterGroups): the new version decides.
            startPermissions.synchronise();
            log.info("Driftsatte / deployed {} ({} filer / files): {}", deployment.getId(), files.size(), definitions);
        } else {
            log.info("Inga ändringar, inget driftsatt / nothing changed, nothing deployed (senaste / latest {})",
                    deployment.getId());
        }
        return new Result(deployment.getId(), deployed, List.copyOf(files.keySet()), definitions);
    }

    /** Resource name → last-modified time of every file a redeploy would read; the watcher compares these. */
    Map<String, Long> lastModified() {
        Map<String, Long> times = new TreeMap<>();
        files().forEach((name, path) -> {
            try {
                times.put(name, Files.getLastModifiedTime(path).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return times;
    }

    private Deployment deploy(DeploymentBuilder builder) {
        try {
            return builder.deploy();
        } catch (ParseException e) {
            throw new DeploymentRefusedException(e.getResorceReports().stream()
                    .flatMap(report -> report.getErrors().stream()
                            .map(problem -> new DeploymentRefusedException.Error(report.getResourceName(),
                                    problem.getMainElementId(), problem.getLine(), problem.getMessage())))
                    .toList());
        } catch (DmnEngineException e) {
            throw new DeploymentRefusedException(List.of(new DeploymentRefusedException.Error(null, null, 0,
                    e.getMessage())));
        }
    }

    private String latestDeploymentId() {
        return repositoryService.createDeploymentQuery().deploymentName(deploymentName)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().map(Deployment::getId)
                .orElse(null);
    }

    /** Named like the startup deployment ({@link StableResourceNameDeploymentConfiguration}) so the two compare. */
    private SortedMap<String, Path> files() {
        SortedMap<String, Path> files = new TreeMap<>();
        collect(properties.processesDirectory(), StableResourceNameDeploymentConfiguration.PROCESSES_ROOT, files,
                ".bpmn", ".dmn");
        collect(properties.formsDirectory(), StableResourceNameDeploymentConfiguration.FORMS_ROOT, files, ".form");
        return files;
    }

    private static void collect(Path directory, String root, Map<String, Path> files, String... suffixes) {
        if (!Files.isDirectory(directory)) {
            throw new ProcessDirectoryMissingException(directory.toAbsolutePath());
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.filter(Files::isRegularFile)
                    .filter(path -> Stream.of(suffixes).anyMatch(path.getFileName().toString()::endsWith))
                    .forEach(path -> files.put(root + slashes(directory.relativize(path)), path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
