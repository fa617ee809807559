package se.kommun.kvalitet.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.stereotype.Component;

/**
 * Every group a model names must be a group of the {@link Organisation}: a typo in a routing rule or a task's
 * candidate groups would send work to a group nobody belongs to, and escalations to nobody. Checked for every
 * new deployment, however it arrives (start, {@code POST /api/admin/deployments}, engine REST, Modeler): the
 * deployment is refused with a {@link UnknownGroupsException} naming resource, element and group. Checked are
 * the literal values of {@code camunda:candidateStarterGroups}, {@code camunda:candidateGroups}, input and
 * output parameters whose name ends in {@code Group}, and the output entries of decision-table outputs whose
 * name ends in {@code Group}. Expressions ({@code ${candidateGroup}}) are checked where their value is produced.
 * <p>
 * As in {@code ScriptRestrictionPlugin}, the parse listener only records what it finds: Camunda parses a model
 * again when its cache is cold, and a model deployed before a unit was removed must still load for its running
 * instances. The decision is taken once, for new deployments, by a post-deployer; throwing there rolls the
 * whole deployment back. {@link ModelGroupStartupCheck} applies the same rule to the latest versions at start.
 */
@Component
class ModelGroupCheck extends AbstractProcessEnginePlugin {

    static final String NAMED_GROUPS_PROPERTY = "kvalitet.namedGroups";
    private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
    private static final Pattern STRING_LITERAL = Pattern.compile("\\s*\"([^\"]*)\"\\s*");

    private final Organisation organisation;

    ModelGroupCheck(Organisation organisation) {
        this.organisation = organisation;
    }

    /** A group a model names, and where: the element's id, how it names it, its line (0 when not known). */
    record NamedGroup(String elementId, String where, String group, int line) {
    }

    /** A group the organisation does not have, in a model resource. */
    record Violation(String resource, String elementId, String where, String group, int line) {

        String message() {
            return "Gruppen '" + group + "' finns inte i organisationen (kvalitet.organisation); group '" + group
                    + "' is not in the organisation: " + resource + ", " + elementId + " (" + where + ")";
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new GroupFinder());
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(new Guard());
    }

    /** The unknown groups of a parsed process definition (one that passed {@link GroupFinder}). */
    List<Violation> violations(ProcessDefinitionEntity definition) {
        @SuppressWarnings("unchecked")
        List<NamedGroup> named = (List<NamedGroup>) definition.getProperty(NAMED_GROUPS_PROPERTY);
        return unknown(definition.getResourceName(), named == null ? List.of() : named);
    }

    /** The unknown groups among a decision table's literal {@code ...Group} outputs. */
    List<Violation> violations(DecisionDefinitionEntity decision) {
        List<NamedGroup> named = new ArrayList<>();
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            List<DmnDecisionTableOutputImpl> outputs = table.getOutputs();
            for (DmnDecisionTableRuleImpl rule : table.getRules()) {
                for (int i = 0; i < outputs.size(); i++) {
                    String output = outputs.get(i).getOutputName();
                    DmnExpressionImpl entry = rule.getConclusions().get(i);
                    String text = entry.getExpression();
                    Matcher literal = text == null ? null : STRING_LITERAL.matcher(text);
                    if (output != null && output.endsWith("Group") && literal != null && literal.matches()) {
                        named.add(new NamedGroup(rule.getId(), "output " + output + ", entry " + entry.getId(),
                                literal.group(1), 0));
                    }
                }
            }
        }
        return unknown(decision.getResourceName(), named);
    }

    private List<Violation> unknown(String resource, List<NamedGroup> named) {
        return named.stream().filter(group -> !organisation.hasGroup(group.group()))
                .map(group -> new Violation(resource, group.elementId(), group.where(), group.group(), group.line()))
                .toList();
    }

    /** Records the literal groups of a process, at any depth. */
    static final class GroupFinder extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            List<NamedGroup> named = new ArrayList<>();
            collect(processElement, processElement.attribute("id"), named);
            processDefinition.setProperty(NAMED_GROUPS_PROPERTY, named);
        }

        private static void collect(Element element, String enclosingId, List<NamedGroup> named) {
            String id = element.attribute("id") != null ? element.attribute("id") : enclosingId;
            for (String attribute : List.of("candidateStarterGroups", "candidateGroups")) {
                String value = element.attributeNS(CAMUNDA, attribute);
                if (value != null) {
                    for (String group : value.split(",")) {
                        addLiteral(named, id, "camunda:" + attribute, group, element.getLine());
                    }
                }
            }
            String tag = element.getTagName().substring(element.getTagName().indexOf(':') + 1);
            String name = element.attribute("name");
            boolean parameter = isCamunda(element) && (tag.equals("inputParameter") || tag.equals("outputParameter"));
            if (parameter && name != null && name.endsWith("Group") && element.elements().isEmpty()) {
                addLiteral(named, id, tag + " " + name, element.getText(), element.getLine());
            }
            for (Element child : element.elements()) {
                collect(child, id, named);
            }
        }

        private static void addLiteral(List<NamedGroup> named, String id, String where, String value, int line) {
            String group = value == null ? "" : value.strip();
            if (!group.isEmpty() && !group.contains("${") && !group.contains("#{")) {
                named.add(new NamedGroup(id, where, group, line));
            }
        }

        private static boolean isCamunda(Element element) {
            return CAMUNDA.getNamespaceUri().equals(element.getUri())
                    || (CAMUNDA.hasAlternativeUri() && CAMUNDA.getAlternativeUri().equals(element.getUri()));
        }
    }

    private final class Guard implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return;
            }
            List<Violation> violations = new ArrayList<>();
            artifacts(deployment, ProcessDefinitionEntity.class).forEach(p -> violations.addAll(violations(p)));
            artifacts(deployment, DecisionDefinitionEntity.class).forEach(d -> violations.addAll(violations(d)));
            if (!violations.isEmpty()) {
                throw new UnknownGroupsException(violations);
            }
        }

        private static <T> List<T> artifacts(DeploymentEntity deployment, Class<T> type) {
            List<T> artifacts = deployment.getDeployedArtifacts(type);
            return artifacts == null ? List.of() : artifacts;
        }
    }

    static Map<String, List<Violation>> byResource(List<Violation> violations) {
        Map<String, List<Violation>> byResource = new LinkedHashMap<>();
        violations.forEach(v -> byResource.computeIfAbsent(v.resource(), r -> new ArrayList<>()).add(v));
        return byResource;
    }
}
