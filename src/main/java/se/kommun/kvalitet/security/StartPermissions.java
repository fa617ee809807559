package se.kommun.kvalitet.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

/**
 * Who may start which process is decided in the BPMN: {@code camunda:candidateStarterGroups} of each process's
 * latest version. Camunda only uses that attribute to filter queries, so this turns it into what the engine checks:
 * CREATE_INSTANCE on that process definition key for exactly those groups, taken away from a group the latest
 * version no longer names. Runs at start ({@link IdentityProvisioning}) and after every redeploy from the file
 * system; a deployment through the engine REST API takes effect at the next of either.
 */
@Component
public class StartPermissions {

    private static final Logger log = LoggerFactory.getLogger(StartPermissions.class);

    private final RepositoryService repositoryService;
    private final AuthorizationService authorizationService;

    StartPermissions(RepositoryService repositoryService, AuthorizationService authorizationService) {
        this.repositoryService = repositoryService;
        this.authorizationService = authorizationService;
    }

    /** Brings the CREATE_INSTANCE grants on every deployed process key in line with its latest version. */
    public void synchronise() {
        Map<String, Set<String>> starters = starters();
        starters.forEach((key, groups) -> {
            for (String group : groups) {
                grant(group, key);
            }
            for (Authorization existing : authorizationService.createAuthorizationQuery()
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).list()) {
                boolean stale = existing.getGroupId() != null && !groups.contains(existing.getGroupId())
                        && existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                        && existing.isPermissionGranted(CREATE_INSTANCE);
                if (stale) {
                    existing.removePermission(CREATE_INSTANCE);
                    authorizationService.saveAuthorization(existing);
                    log.info("Grupp {} får inte längre starta {} / group {} may no longer start {}",
                            existing.getGroupId(), key, existing.getGroupId(), key);
                }
            }
        });
        log.info("Startbehörighet enligt BPMN / start permission per BPMN: {}", starters);
    }

    /** Process key to the candidate starter groups of its latest version. */
    Map<String, Set<String>> starters() {
        Map<String, Set<String>> starters = new TreeMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            starters.put(definition.getKey(), repositoryService.getIdentityLinksForProcessDefinition(definition.getId())
                    .stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return starters;
    }

    private void grant(String group, String key) {
        Authorization grant = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).authorizationType(
                        Authorization.AUTH_TYPE_GRANT).list().stream().findFirst().orElse(null);
        if (grant == null) {
            grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(key);
        } else if (grant.isPermissionGranted(CREATE_INSTANCE) && grant.isPermissionGranted(READ)) {
            return;
        }
        grant.addPermission(READ);
        grant.addPermission(CREATE_INSTANCE);
        authorizationService.saveAuthorization(grant);
    }
}
