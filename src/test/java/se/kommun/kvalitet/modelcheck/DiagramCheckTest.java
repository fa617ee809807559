package se.kommun.kvalitet.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * Each drawing rule of {@link DiagramChecker} on a small diagram drawn by its rules: the diagram passes, and one
 * change that breaks one rule is reported as exactly that. (ModelCheckTest runs the rules over processes/.)
 */
class DiagramCheckTest {

    /** Start, a subprocess with a timer on its lower border, a decision that loops back to the subprocess. */
    private static final String DIAGRAM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="checkDefinitions" targetNamespace="http://kommun.se/test">
              <bpmn:process id="review" isExecutable="false">
                <bpmn:startEvent id="started" name="Start"><bpmn:outgoing>toWork</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="toWork" sourceRef="started" targetRef="work" />
                <bpmn:subProcess id="work" name="Arbete">
                  <bpmn:incoming>toWork</bpmn:incoming><bpmn:incoming>rejected</bpmn:incoming>
                  <bpmn:outgoing>toCheck</bpmn:outgoing>
                  <bpmn:startEvent id="workStarted" name="Påbörjat"><bpmn:outgoing>toDo</bpmn:outgoing></bpmn:startEvent>
                  <bpmn:sequenceFlow id="toDo" sourceRef="workStarted" targetRef="do" />
                  <bpmn:task id="do" name="Gör"><bpmn:incoming>toDo</bpmn:incoming><bpmn:outgoing>toDone</bpmn:outgoing></bpmn:task>
                  <bpmn:sequenceFlow id="toDone" sourceRef="do" targetRef="done" />
                  <bpmn:endEvent id="done" name="Klart"><bpmn:incoming>toDone</bpmn:incoming></bpmn:endEvent>
                </bpmn:subProcess>
                <bpmn:boundaryEvent id="late" name="Sent" cancelActivity="false" attachedToRef="work">
                  <bpmn:outgoing>toRemind</bpmn:outgoing>
                  <bpmn:timerEventDefinition id="lateTimer"><bpmn:timeDuration id="lateAfter">P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="toRemind" sourceRef="late" targetRef="remind" />
                <bpmn:task id="remind" name="Påminn"><bpmn:incoming>toRemind</bpmn:incoming><bpmn:outgoing>toReminded</bpmn:outgoing></bpmn:task>
                <bpmn:sequenceFlow id="toReminded" sourceRef="remind" targetRef="reminded" />
                <bpmn:endEvent id="reminded" name="Påmint"><bpmn:incoming>toReminded</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="toCheck" sourceRef="work" targetRef="check" />
                <bpmn:exclusiveGateway id="check" name="Godkänt?">
                  <bpmn:incoming>toCheck</bpmn:incoming><bpmn:outgoing>approved</bpmn:outgoing><bpmn:outgoing>rejected</bpmn:outgoing>
                </bpmn:exclusiveGateway>
                <bpmn:sequenceFlow id="approved" name="Ja" sourceRef="check" targetRef="finished" />
                <bpmn:sequenceFlow id="rejected" name="Nej" sourceRef="check" targetRef="work" />
                <bpmn:endEvent id="finished" name="Slut"><bpmn:incoming>approved</bpmn:incoming></bpmn:endEvent>
              </bpmn:process>
              <bpmndi:BPMNDiagram id="checkDiagram">
                <bpmndi:BPMNPlane id="reviewPlane" bpmnElement="review">
                  <bpmndi:BPMNShape id="started_di" bpmnElement="started"><dc:Bounds x="100" y="100" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="105" y="141" width="26" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="toWork_di" bpmnElement="toWork"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNShape id="work_di" bpmnElement="work" isExpanded="true"><dc:Bounds x="200" y="40" width="300" height="160" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="workStarted_di" bpmnElement="workStarted"><dc:Bounds x="230" y="100" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="222" y="141" width="52" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="toDo_di" bpmnElement="toDo"><di:waypoint x="266" y="118" /><di:waypoint x="320" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNShape id="do_di" bpmnElement="do"><dc:Bounds x="320" y="78" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="toDone_di" bpmnElement="toDone"><di:waypoint x="420" y="118" /><di:waypoint x="452" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNShape id="done_di" bpmnElement="done"><dc:Bounds x="452" y="100" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="455" y="141" width="30" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="late_di" bpmnElement="late"><dc:Bounds x="282" y="182" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="322" y="205" width="30" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="toRemind_di" bpmnElement="toRemind"><di:waypoint x="300" y="218" /><di:waypoint x="300" y="280" /><di:waypoint x="350" y="280" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNShape id="remind_di" bpmnElement="remind"><dc:Bounds x="350" y="240" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="toReminded_di" bpmnElement="toReminded"><di:waypoint x="450" y="280" /><di:waypoint x="500" y="280" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNShape id="reminded_di" bpmnElement="reminded"><dc:Bounds x="500" y="262" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="496" y="303" width="44" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="toCheck_di" bpmnElement="toCheck"><di:waypoint x="500" y="118" /><di:waypoint x="550" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNShape id="check_di" bpmnElement="check" isMarkerVisible="true"><dc:Bounds x="550" y="93" width="50" height="50" />
                    <bpmndi:BPMNLabel><dc:Bounds x="545" y="74" width="60" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="approved_di" bpmnElement="approved"><di:waypoint x="600" y="118" /><di:waypoint x="650" y="118" />
                    <bpmndi:BPMNLabel><dc:Bounds x="610" y="100" width="14" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNEdge>
                  <bpmndi:BPMNShape id="finished_di" bpmnElement="finished"><dc:Bounds x="650" y="100" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="655" y="141" width="26" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="rejected_di" bpmnElement="rejected"><di:waypoint x="575" y="143" /><di:waypoint x="575" y="360" />
                    <di:waypoint x="470" y="360" /><di:waypoint x="470" y="200" />
                    <bpmndi:BPMNLabel><dc:Bounds x="581" y="240" width="20" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    @Test
    void aDiagramDrawnByTheRulesPasses() {
        assertThat(check(DIAGRAM)).isEmpty();
    }

    @Test
    void aDiagonalSegment() {
        assertThat(check(change("""
                <di:waypoint x="450" y="280" /><di:waypoint x="500" y="280" />""", """
                <di:waypoint x="450" y="280" /><di:waypoint x="500" y="290" />""")))
                .containsExactly("sequenceFlow 'toReminded': segment 1 runs diagonally from (450, 280) to (500, 290); "
                        + "draw it with horizontal and vertical segments [orthogonal-edges]");
    }

    @Test
    void anEdgeThroughAShapeThatIsNeitherItsSourceNorItsTarget() {
        assertThat(check(change("""
                <di:waypoint x="470" y="360" /><di:waypoint x="470" y="200" />""", """
                <di:waypoint x="400" y="360" /><di:waypoint x="400" y="200" />""")))
                .containsExactly("sequenceFlow 'rejected' (Nej): runs through 'remind' [edge-through-shape]");
    }

    @Test
    void anEdgeThatDoesNotReachItsTarget() {
        assertThat(check(change("""
                <di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" />""", """
                <di:waypoint x="136" y="118" /><di:waypoint x="190" y="118" />""")))
                .containsExactly("sequenceFlow 'toWork': ends at (190, 118), not on its target 'work' [edge-ends]");
    }

    @Test
    void twoShapesOnTopOfEachOther() {
        assertThat(check(change("""
                <dc:Bounds x="100" y="100" width="36" height="36" />""", """
                <dc:Bounds x="180" y="100" width="36" height="36" />""", """
                <di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" />""", """
                <di:waypoint x="216" y="118" /><di:waypoint x="200" y="118" />""")))
                .containsExactly("startEvent 'started' (Start): overlaps 'work' [shape-overlap]");
    }

    @Test
    void aBoundaryEventOffItsHostsBorder() {
        assertThat(check(change("""
                <dc:Bounds x="282" y="182" width="36" height="36" />""", """
                <dc:Bounds x="282" y="190" width="36" height="36" />""")))
                .containsExactly("boundaryEvent 'late' (Sent): is not centred on the border of 'work' "
                        + "[boundary-on-border]");
    }

    @Test
    void aShapeOutsideItsSubprocess() {
        assertThat(check(change("""
                <di:waypoint x="420" y="118" /><di:waypoint x="452" y="118" />""", """
                <di:waypoint x="370" y="158" /><di:waypoint x="370" y="190" />""", """
                <dc:Bounds x="452" y="100" width="36" height="36" />""", """
                <dc:Bounds x="352" y="190" width="36" height="36" />""", """
                <dc:Bounds x="455" y="141" width="30" height="14" />""", """
                <dc:Bounds x="393" y="201" width="30" height="14" />""")))
                .containsExactly("endEvent 'done' (Klart): lies outside its subprocess 'work' [inside-container]");
    }

    @Test
    void labelsOverAShapeAnEdgeOrAnotherLabel() {
        assertThat(check(change("""
                <dc:Bounds x="545" y="74" width="60" height="14" />""", """
                <dc:Bounds x="545" y="100" width="60" height="14" />""")))
                .containsExactly("exclusiveGateway 'check' (Godkänt?): label covers 'check' [label-overlap]");
        assertThat(check(change("""
                <dc:Bounds x="610" y="100" width="14" height="14" />""", """
                <dc:Bounds x="610" y="111" width="14" height="14" />""")))
                .containsExactly("sequenceFlow 'approved' (Ja): label covers the edge of 'approved' [label-overlap]");
        assertThat(check(change("""
                <dc:Bounds x="610" y="100" width="14" height="14" />""", """
                <dc:Bounds x="560" y="76" width="14" height="14" />""")))
                .containsExactly("exclusiveGateway 'check' (Godkänt?): label covers the label of 'approved' "
                        + "[label-overlap]");
    }

    @Test
    void aNamedEventWithoutPlacedLabel() {
        assertThat(check(change("""
                <bpmndi:BPMNLabel><dc:Bounds x="545" y="74" width="60" height="14" /></bpmndi:BPMNLabel>""", "")))
                .containsExactly("exclusiveGateway 'check' (Godkänt?): is named but its label has no bounds; move the "
                        + "label once in Modeler so it is saved where it is drawn [label-placed]");
    }

    @Test
    void aFlowGoingLeftThatDoesNotLoopBack() {
        assertThat(check(change("""
                <di:waypoint x="600" y="118" /><di:waypoint x="650" y="118" />""", """
                <di:waypoint x="600" y="118" /><di:waypoint x="620" y="118" /><di:waypoint x="620" y="398" />\
                <di:waypoint x="556" y="398" />""", """
                <dc:Bounds x="650" y="100" width="36" height="36" />""", """
                <dc:Bounds x="520" y="380" width="36" height="36" />""", """
                <dc:Bounds x="655" y="141" width="26" height="14" />""", """
                <dc:Bounds x="525" y="421" width="26" height="14" />""")))
                .containsExactly("sequenceFlow 'approved' (Ja): goes from right to left without looping back; the "
                        + "diagram reads left to right [left-to-right]");
    }

    @Test
    void generatedIdsAndExpressionsInNames() {
        assertThat(check(change("id=\"toDo\"", "id=\"Flow_0h4n6tx\"", ">toDo<", ">Flow_0h4n6tx<",
                "bpmnElement=\"toDo\"", "bpmnElement=\"Flow_0h4n6tx\"", "name=\"Gör\"", "name=\"Gör – ${ref}\"")))
                .containsExactlyInAnyOrder(
                        "sequenceFlow 'Flow_0h4n6tx': id 'Flow_0h4n6tx' is not a readable camelCase name like "
                                + "'investigate' or 'outcomeContinue'; rename it in Modeler's General tab [readable-ids]",
                        "task 'do' (Gör – ${ref}): name holds an expression; Modeler and Cockpit show it as typed: "
                                + "put what varies in a Tasklist filter variable or the form [plain-names]");
        assertThat(check(change("id=\"lateTimer\"", "id=\"timerEventDefinition_9d790f5c-c80e-4e5a\"")))
                .singleElement().asString().contains("'timerEventDefinition_9d790f5c-c80e-4e5a'", "[readable-ids]");
    }

    /** The diagram with each given text replaced by the one after it (every text must be there). */
    private static String change(String... fromTo) {
        String xml = DIAGRAM;
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(xml).contains(fromTo[i]);
            xml = xml.replace(fromTo[i], fromTo[i + 1]);
        }
        return xml;
    }

    private static List<String> check(String xml) {
        List<String> violations = new ArrayList<>();
        DiagramChecker.check(Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))),
                (element, rule, message) -> violations.add(ModelChecker.describe(element) + ": " + message
                        + " [" + rule + "]"));
        return violations;
    }
}
