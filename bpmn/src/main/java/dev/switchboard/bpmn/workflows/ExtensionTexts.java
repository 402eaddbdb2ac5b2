package dev.switchboard.bpmn.workflows;

import dev.switchboard.bpmn.SwitchboardBpmn;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Keeps the text of Switchboard's extension elements ({@code <sb:input>}, {@code <sb:condition>}) whole.
 * The engine's BPMN reader trims every piece of text it is handed, and an XML reader hands text over in
 * pieces split at each escaped character: {@code Tom &amp; Jerry} would be read as {@code Tom&Jerry}
 * and {@code a &gt; 1} as {@code a>1}. A document in which such a text holds a character that XML
 * escapes ({@code & < > " '}) is therefore rewritten with those texts as CDATA sections, which reach the
 * reader in one piece (as do texts already written partly as CDATA); other documents are left exactly
 * as they are.
 */
final class ExtensionTexts {

    private static final String ESCAPED = "&<>\"'";

    private ExtensionTexts() {
    }

    /** The document, with the extension texts that would be cut written as CDATA; the caller checked it is safe XML. */
    static String keepWhole(String xml) {
        boolean sections = xml.contains("<![CDATA[");
        if (xml.indexOf('&') < 0 && !sections) {
            return xml; // nothing is escaped: every text reaches the reader whole
        }
        Document document = parse(xml);
        List<Element> cut = new ArrayList<>();
        NodeList elements = document.getElementsByTagNameNS(SwitchboardBpmn.NAMESPACE, "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String text = textOf(element);
            if (text != null && (sections || text.chars().anyMatch(c -> ESCAPED.indexOf(c) >= 0))) {
                cut.add(element);
            }
        }
        if (cut.isEmpty()) {
            return xml;
        }
        for (Element element : cut) {
            String text = textOf(element);
            while (element.getFirstChild() != null) {
                element.removeChild(element.getFirstChild());
            }
            element.appendChild(document.createCDATASection(text));
        }
        return serialize(document);
    }

    /** The element's text, or null when it has child elements (a trigger holding its matches). */
    private static String textOf(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.ELEMENT_NODE -> {
                    return null;
                }
                default -> { }
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setCoalescing(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | java.io.IOException e) {
            throw new IllegalStateException("a document the profile accepted could not be read again", e);
        }
    }

    private static String serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the document could not be written again", e);
        }
    }
}
