package se.kommun.kvalitet.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Scripts in a deployed model run inside the engine with the application's rights, so a deployment is
 * arbitrary code. Our own processes use none. Unless {@code kvalitet.security.allow-scripts} is on, a new
 * deployment with a script task, a {@code camunda:script} (listener, input/output) or a script condition is
 * refused, whoever deploys it; when it is on, only the process-owner group (or the application itself at start)
 * may deploy scripts. Also pins the engine's scripting switches to their safe values.
 * <p>
 * The parse listener only records what it finds: Camunda parses a model again when its cache is cold, and
 * such a re-parse runs as whoever happens to need the definition. The decision is taken once, for new
 * deployments, by a post-deployer; throwing there rolls the whole deployment back.
 */
@Component
class ScriptRestrictionPlugin extends AbstractProcessEnginePlugin {

    static final String SCRIPTS_PROPERTY = "kvalitet.scriptElements";

    private final boolean allowScripts;
    private final String processOwnerGroup;

    ScriptRestrictionPlugin(@Value("${kvalitet.security.allow-scripts:false}") boolean allowScripts,
            Organisation organisation) {
        this.allowScripts = allowScripts;
        this.processOwnerGroup = organisation.processOwnerGroup();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new ScriptFinder());
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(new Guard());
        // Camunda's defaults, pinned: no DOCTYPE/external entities in models, no files or host classes for scripts.
        configuration.setEnableXxeProcessing(false);
        configuration.setEnableScriptEngineLoadExternalResources(false);
        configuration.setEnableScriptEngineNashornCompatibility(false);
        configuration.setConfigureScriptEngineHostAccess(false);
    }

    /** Refuses the model's scripts unless the switch is on and the deployer is a process owner (or the application). */
    void check(String resourceName, List<String> scripts, String userId, Collection<String> groupIds) {
        if (scripts.isEmpty()) {
            return;
        }
        boolean trustedDeployer = userId == null || (groupIds != null && groupIds.contains(processOwnerGroup));
        if (!allowScripts || !trustedDeployer) {
            throw new AuthorizationException("Deployment refused: " + resourceName + " contains scripts ("
                    + String.join(", ", scripts) + "); "
                    + (allowScripts ? "only process owners may deploy scripts."
                            : "scripts are switched off (kvalitet.security.allow-scripts)."));
        }
    }

    /** Records every script element of a process, at any depth, as "tag#id". */
    static final class ScriptFinder extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            List<String> scripts = new ArrayList<>();
            collect(processElement, null, scripts);
            processDefinition.setProperty(SCRIPTS_PROPERTY, scripts);
        }

        private static void collect(Element element, String enclosingId, List<String> scripts) {
            String tag = localName(element.getTagName());
            String id = element.attribute("id") != null ? element.attribute("id") : enclosingId;
            boolean scriptCondition = (tag.equals("conditionExpression") || tag.equals("condition"))
                    && element.attribute("language") != null;
            if (tag.equals("scriptTask") || tag.equals("script") || scriptCondition) {
                scripts.add(tag + "#" + id);
            }
            for (Element child : element.elements()) {
                collect(child, id, scripts);
            }
        }

        private static String localName(String tag) {
            return tag.substring(tag.indexOf(':') + 1);
        }
    }

    private final class Guard implements Deployer {

        @Override
        @SuppressWarnings("unchecked")
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return;
            }
            Authentication authentication = Context.getCommandContext().getAuthentication();
            String userId = authentication == null ? null : authentication.getUserId();
            List<String> groupIds = authentication == null ? List.of() : authentication.getGroupIds();
            List<ProcessDefinitionEntity> definitions = deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
            for (ProcessDefinitionEntity definition : definitions == null ? List.<ProcessDefinitionEntity>of() : definitions) {
                Object scripts = definition.getProperty(SCRIPTS_PROPERTY);
                check(definition.getResourceName(), scripts == null ? List.of() : (List<String>) scripts, userId,
                        groupIds);
            }
        }
    }
}
