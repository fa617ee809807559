package se.kommun.kvalitet.modelcheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The drawing rules for a BPMN diagram a process owner works in (Camunda Modeler conventions): edges of
 * horizontal and vertical segments that start on their source, end on their target and pass through no other
 * shape; no two shapes on top of each other, except a boundary event on its host's border and the shapes inside
 * their subprocess; every external label placed where it covers no shape, label or edge; flows going left only
 * to loop back; readable camelCase ids and plain names. Coordinates are the diagram's own (BPMN DI).
 */
final class DiagramChecker {

    /** Pixels a point may miss a border by, and by which shapes are shrunk before testing overlap. */
    private static final double TOLERANCE = 1.0;
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    /**
     * What a tool makes up: UUIDs and Modeler's random suffixes (Flow_0h4n6tx, Activity_1x2y3z4): a run of six
     * or more lower-case letters and digits holding at least two digits.
     */
    private static final Pattern GENERATED = Pattern.compile(".*(?=[0-9a-z]*[0-9][0-9a-z]*[0-9])[0-9a-z]{6,}.*");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

    private record Box(double x, double y, double width, double height) {

        static Box of(Bounds bounds) {
            return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        Box shrunk(double by) {
            return new Box(x + by, y + by, Math.max(0, width - 2 * by), Math.max(0, height - 2 * by));
        }

        boolean overlaps(Box other) {
            return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
        }

        boolean contains(Box other) {
            return other.x >= x - TOLERANCE && other.y >= y - TOLERANCE && other.right() <= right() + TOLERANCE
                    && other.bottom() <= bottom() + TOLERANCE;
        }

        boolean contains(Point point) {
            return point.x() >= x - TOLERANCE && point.x() <= right() + TOLERANCE && point.y() >= y - TOLERANCE
                    && point.y() <= bottom() + TOLERANCE;
        }

        Point centre() {
            return new Point(x + width / 2, y + height / 2);
        }

        boolean hasOnBorder(Point point) {
            boolean onVertical = (Math.abs(point.x() - x) <= TOLERANCE || Math.abs(point.x() - right()) <= TOLERANCE)
                    && point.y() >= y - TOLERANCE && point.y() <= bottom() + TOLERANCE;
            boolean onHorizontal = (Math.abs(point.y() - y) <= TOLERANCE
                    || Math.abs(point.y() - bottom()) <= TOLERANCE)
                    && point.x() >= x - TOLERANCE && point.x() <= right() + TOLERANCE;
            return onVertical || onHorizontal;
        }

        /** The segment from a to b passes through this box's inside (Liang-Barsky clipping; borders are outside). */
        boolean crossedBy(Point a, Point b) {
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {a.x() - x, right() - a.x(), a.y() - y, bottom() - a.y()};
            double enter = 0;
            double leave = 1;
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] <= 0) {
                        return false;
                    }
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        enter = Math.max(enter, t);
                    } else {
                        leave = Math.min(leave, t);
                    }
                }
            }
            return enter < leave;
        }
    }

    private record Point(double x, double y) {
    }

    private record Shape(FlowNode node, Box box, Box label) {
    }

    private record Edge(SequenceFlow flow, List<Point> points, Box label) {
    }

    @FunctionalInterface
    interface Reporter {
        void add(ModelElementInstance element, String rule, String message);
    }

    private final Reporter report;
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Map<String, Edge> edges = new LinkedHashMap<>();

    private DiagramChecker(Reporter report) {
        this.report = report;
    }

    static void check(BpmnModelInstance model, Reporter report) {
        new DiagramChecker(report).run(model);
    }

    private void run(BpmnModelInstance model) {
        checkIds(model);
        checkNames(model);
        if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
            return;
        }
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() instanceof FlowNode node) {
                shapes.put(node.getId(), new Shape(node, Box.of(shape.getBounds()), label(shape.getBpmnLabel())));
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() instanceof SequenceFlow flow) {
                List<Point> points = edge.getWaypoints().stream().map(DiagramChecker::point).toList();
                edges.put(flow.getId(), new Edge(flow, points, label(edge.getBpmnLabel())));
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.containsKey(node.getId())) {
                report.add(node, "diagram-complete", "has no shape in the diagram");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.containsKey(flow.getId())) {
                report.add(flow, "diagram-complete", "has no edge in the diagram");
            }
        }
        shapes.values().forEach(this::checkPlacement);
        checkOverlaps();
        edges.values().forEach(this::checkEdge);
        checkLabels();
    }

    private static Box label(BpmnLabel label) {
        return label == null || label.getBounds() == null ? null : Box.of(label.getBounds());
    }

    private static Point point(Waypoint waypoint) {
        return new Point(waypoint.getX(), waypoint.getY());
    }

    /**
     * Ids a process owner reads in Modeler, Cockpit and the tests: every id of the model (flow nodes, flows,
     * conditions, messages, timers, documentation, the definitions) in the flow nodes' camelCase, nothing made up
     * by a tool; the diagram's own ids (act_di) at least not made up.
     */
    private void checkIds(BpmnModelInstance model) {
        checkIds(model, model.getDocument().getRootElement(), false);
    }

    private void checkIds(BpmnModelInstance model, DomElement element, boolean inDiagram) {
        boolean diagram = inDiagram || "BPMNDiagram".equals(element.getLocalName());
        String id = element.getAttribute("id");
        if (id != null) {
            boolean readable = diagram ? !GENERATED.matcher(id).matches()
                    : CAMEL_CASE.matcher(id).matches() && !GENERATED.matcher(id).matches();
            if (!readable) {
                report.add(model.getModelElementById(id), "readable-ids", "id '" + id + "' is not a readable "
                        + (diagram ? "name (use the element's id + '_di')" : "camelCase name like 'investigate' or "
                        + "'outcomeContinue'; rename it in Modeler's General tab"));
            }
        }
        for (DomElement child : element.getChildElements()) {
            checkIds(model, child, diagram);
        }
    }

    private void checkNames(BpmnModelInstance model) {
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String name = element.getAttributeValue("name");
            if (name != null && EXPRESSION.matcher(name).find()) {
                report.add(element, "plain-names", "name holds an expression; Modeler and Cockpit "
                        + "show it as typed: put what varies in a Tasklist filter variable or the form");
            }
        }
    }

    private void checkPlacement(Shape shape) {
        if (shape.node() instanceof BoundaryEvent event) {
            Shape host = shapes.get(event.getAttachedTo().getId());
            if (host != null && !host.box().hasOnBorder(shape.box().centre())) {
                report.add(event, "boundary-on-border", "is not centred on the border of '"
                        + host.node().getId() + "'");
            }
        }
        if (shape.node().getParentElement() instanceof SubProcess parent && shapes.containsKey(parent.getId())
                && !shapes.get(parent.getId()).box().contains(shape.box())) {
            report.add(shape.node(), "inside-container", "lies outside its subprocess '" + parent.getId() + "'");
        }
    }

    private void checkOverlaps() {
        List<Shape> all = new ArrayList<>(shapes.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Shape a = all.get(i);
                Shape b = all.get(j);
                if (isContainerOf(a.node(), b.node()) || isContainerOf(b.node(), a.node())
                        || isHostOf(a.node(), b.node()) || isHostOf(b.node(), a.node())) {
                    continue;
                }
                if (a.box().shrunk(TOLERANCE).overlaps(b.box().shrunk(TOLERANCE))) {
                    report.add(a.node(), "shape-overlap", "overlaps '" + b.node().getId() + "'");
                }
            }
        }
    }

    private static boolean isContainerOf(FlowNode container, FlowNode node) {
        for (ModelElementInstance parent = node.getParentElement(); parent != null;
                parent = parent.getParentElement()) {
            if (parent == container) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHostOf(FlowNode host, FlowNode node) {
        return node instanceof BoundaryEvent event && event.getAttachedTo() == host;
    }

    private void checkEdge(Edge edge) {
        SequenceFlow flow = edge.flow();
        List<Point> points = edge.points();
        if (points.size() < 2) {
            report.add(flow, "edge-ends", "has fewer than two waypoints");
            return;
        }
        for (int i = 1; i < points.size(); i++) {
            Point from = points.get(i - 1);
            Point to = points.get(i);
            if (Math.abs(from.x() - to.x()) > TOLERANCE && Math.abs(from.y() - to.y()) > TOLERANCE) {
                report.add(flow, "orthogonal-edges", "segment " + i + " runs diagonally from " + text(from)
                        + " to " + text(to) + "; draw it with horizontal and vertical segments");
            }
        }
        Shape source = shapes.get(flow.getSource().getId());
        Shape target = shapes.get(flow.getTarget().getId());
        if (source != null && !source.box().contains(points.get(0))) {
            report.add(flow, "edge-ends", "starts at " + text(points.get(0)) + ", not on its source '"
                    + source.node().getId() + "'");
        }
        if (target != null && !target.box().contains(points.get(points.size() - 1))) {
            report.add(flow, "edge-ends", "ends at " + text(points.get(points.size() - 1))
                    + ", not on its target '" + target.node().getId() + "'");
        }
        for (Shape shape : shapes.values()) {
            FlowNode node = shape.node();
            if (node == flow.getSource() || node == flow.getTarget() || isContainerOf(node, flow.getSource())) {
                continue;
            }
            Box inside = shape.box().shrunk(TOLERANCE);
            for (int i = 1; i < points.size(); i++) {
                if (inside.crossedBy(points.get(i - 1), points.get(i))) {
                    report.add(flow, "edge-through-shape", "runs through '" + node.getId() + "'");
                    break;
                }
            }
        }
        if (source != null && target != null
                && target.box().centre().x() < source.box().centre().x() - TOLERANCE
                && !reaches(flow.getTarget(), flow.getSource())) {
            report.add(flow, "left-to-right", "goes from right to left without looping back; the diagram reads "
                    + "left to right");
        }
    }

    /** Through sequence flows; a subprocess leads on to what follows it. */
    private static boolean reaches(FlowNode from, FlowNode to) {
        Set<FlowNode> seen = new HashSet<>();
        Deque<FlowNode> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            FlowNode node = queue.poll();
            if (node == to) {
                return true;
            }
            if (!seen.add(node)) {
                continue;
            }
            node.getOutgoing().forEach(flow -> queue.add(flow.getTarget()));
            // A boundary event leaves its activity too: a correction that interrupts a scope loops back through it.
            node.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(boundary -> boundary.getAttachedTo() == node).forEach(queue::add);
            if (node instanceof SubProcess subProcess) {
                subProcess.getChildElementsByType(FlowNode.class).forEach(queue::add);
            }
        }
        return false;
    }

    private void checkLabels() {
        Map<BaseElement, Box> labels = new LinkedHashMap<>();
        for (Shape shape : shapes.values()) {
            boolean external = !(shape.node() instanceof Activity);
            if (external && !isBlank(shape.node().getName())) {
                requireLabel(shape.node(), shape.label(), labels);
            }
        }
        for (Edge edge : edges.values()) {
            if (!isBlank(edge.flow().getName())) {
                requireLabel(edge.flow(), edge.label(), labels);
            }
        }
        List<Map.Entry<BaseElement, Box>> all = new ArrayList<>(labels.entrySet());
        for (int i = 0; i < all.size(); i++) {
            BaseElement owner = all.get(i).getKey();
            Box label = all.get(i).getValue().shrunk(TOLERANCE);
            for (Shape shape : shapes.values()) {
                if (!isContainerOfElement(shape.node(), owner) && label.overlaps(shape.box())) {
                    report.add(owner, "label-overlap", "label covers '" + shape.node().getId() + "'");
                }
            }
            for (int j = i + 1; j < all.size(); j++) {
                if (label.overlaps(all.get(j).getValue())) {
                    report.add(owner, "label-overlap", "label covers the label of '" + all.get(j).getKey().getId()
                            + "'");
                }
            }
            for (Edge edge : edges.values()) {
                List<Point> points = edge.points();
                for (int k = 1; k < points.size(); k++) {
                    if (label.crossedBy(points.get(k - 1), points.get(k))) {
                        report.add(owner, "label-overlap", "label covers the edge of '" + edge.flow().getId() + "'");
                        break;
                    }
                }
            }
        }
    }

    private void requireLabel(BaseElement element, Box label, Map<BaseElement, Box> labels) {
        if (label == null || label.width() <= 0 || label.height() <= 0) {
            report.add(element, "label-placed", "is named but its label has no bounds; move the label once in "
                    + "Modeler so it is saved where it is drawn");
        } else {
            labels.put(element, label);
        }
    }

    private static boolean isContainerOfElement(FlowNode container, BaseElement element) {
        return container instanceof SubProcess && element instanceof FlowElement flowElement
                && isAncestor(container, flowElement);
    }

    private static boolean isAncestor(FlowNode container, ModelElementInstance element) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null;
                parent = parent.getParentElement()) {
            if (parent == container) {
                return true;
            }
        }
        return false;
    }

    private static String text(Point point) {
        return "(" + Math.round(point.x()) + ", " + Math.round(point.y()) + ")";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
