package se.kommun.kvalitet.open311;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes the JSON answer's tree as GeoReport v2 XML with StAX, which escapes every text and name: the XML
 * carries exactly what the JSON does. An array becomes an element holding one child per entry, named by
 * {@link #ITEM_NAMES} (GeoReport v2's {@code <endpoints><endpoint>}, {@code <values><value>}, ...). Nothing
 * here reads XML, so there is no parser to harden against XXE.
 */
final class XmlDocument {

    private static final Map<String, String> ITEM_NAMES = Map.of("endpoints", "endpoint", "formats", "format",
            "attributes", "attribute", "values", "value");

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlDocument() {
    }

    /** @param root the document element; an array's entries are written as {@code item} elements */
    static byte[] of(String root, String item, JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            if (tree.isArray()) {
                for (JsonNode entry : tree) {
                    element(xml, item, entry);
                }
            } else {
                children(xml, tree);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode value) throws XMLStreamException {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        xml.writeStartElement(name);
        if (value.isArray()) {
            String item = ITEM_NAMES.getOrDefault(name, "item");
            for (JsonNode entry : value) {
                element(xml, item, entry);
            }
        } else if (value.isObject()) {
            children(xml, value);
        } else {
            xml.writeCharacters(value.asText());
        }
        xml.writeEndElement();
    }

    private static void children(XMLStreamWriter xml, JsonNode object) throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            element(xml, field.getKey(), field.getValue());
        }
    }
}
