package se.kommun.kvalitet.organisation;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, after the auto-deployment: the latest version of every process and decision (what new cases start
 * in) must name only groups of the organisation. The deployment guard covers changed models; this covers a
 * changed organisation (a unit renamed or removed in {@code kvalitet.organisation}) with unchanged models, which
 * deploys nothing. Refuses the start, naming model, element and group.
 */
@Component
class ModelGroupStartupCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ModelGroupStartupCheck.class);

    private final RepositoryService repositoryService;
    private final ModelGroupCheck check;

    ModelGroupStartupCheck(RepositoryService repositoryService, ModelGroupCheck check) {
        this.repositoryService = repositoryService;
        this.check = check;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<ModelGroupCheck.Violation> violations = new ArrayList<>();
        List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        for (ProcessDefinition process : processes) {
            // The cached, parsed definition carries what the parse listener recorded.
            violations.addAll(check.violations((ProcessDefinitionEntity)
                    ((RepositoryServiceImpl) repositoryService).getDeployedProcessDefinition(process.getId())));
        }
        List<DecisionDefinition> decisions = repositoryService.createDecisionDefinitionQuery().latestVersion().list();
        for (DecisionDefinition decision : decisions) {
            violations.addAll(check.violations(
                    (DecisionDefinitionEntity) repositoryService.getDecisionDefinition(decision.getId())));
        }
        if (!violations.isEmpty()) {
            throw new UnknownGroupsException(violations);
        }
        log.info("Grupperna i {} processer och {} beslut finns i organisationen / every group the latest models "
                + "name is in the organisation", processes.size(), decisions.size());
    }
}
