package io.raycluster.contract.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The BOM lists exactly the artifacts this build publishes, read from the reactor's poms (a new
 * library module must be added to it), and what gets installed is the flattened BOM, which pins
 * nothing else.
 */
class BomTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

  @Test
  void bom_listsEveryPublishedModuleOfTheReactor() throws Exception {
    TreeSet<String> published = new TreeSet<>();
    collectPublished(ROOT, published);
    assertEquals(published, managedArtifacts(ROOT.resolve("bom/pom.xml")));
  }

  @Test
  void installedBom_hasNoParentAndPinsNothingButOurArtifacts() throws Exception {
    Path flattened = ROOT.resolve("bom/target/.flattened-pom.xml");
    assertTrue(Files.isRegularFile(flattened), "the bom module is built before the samples: " + flattened);
    Document pom = read(flattened);
    assertEquals(0, pom.getElementsByTagName("parent").getLength(), "no parent");
    assertEquals(0, pom.getElementsByTagName("properties").getLength(), "no properties");
    List<String> groups = new ArrayList<>();
    for (Element dependency : children(child(child(pom.getDocumentElement(), "dependencyManagement"), "dependencies"), "dependency")) {
      groups.add(text(dependency, "groupId"));
      String version = text(dependency, "version");
      assertTrue(version.equals("${project.version}") || version.equals(text(pom.getDocumentElement(), "version")),
          "every artifact at the BOM's own version: " + version);
    }
    assertTrue(!groups.isEmpty() && groups.stream().allMatch("io.raycluster.contract"::equals), groups.toString());
  }

  /** Modules with a jar that is deployed (not maven.deploy.skip), recursively through the modules lists. */
  private static void collectPublished(Path dir, TreeSet<String> out) throws Exception {
    Element project = read(dir.resolve("pom.xml")).getDocumentElement();
    String packaging = text(project, "packaging");
    Element properties = child(project, "properties");
    boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
    if ((packaging == null || packaging.equals("jar")) && !skipped) {
      out.add(text(project, "artifactId"));
    }
    Element modules = child(project, "modules");
    if (modules != null) {
      for (Element module : children(modules, "module")) {
        collectPublished(dir.resolve(module.getTextContent().trim()), out);
      }
    }
  }

  private static TreeSet<String> managedArtifacts(Path bom) throws Exception {
    TreeSet<String> names = new TreeSet<>();
    Element dependencies = child(child(read(bom).getDocumentElement(), "dependencyManagement"), "dependencies");
    for (Element dependency : children(dependencies, "dependency")) {
      names.add(text(dependency, "artifactId"));
    }
    return names;
  }

  private static Document read(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static Element child(Element parent, String name) {
    return children(parent, name).stream().findFirst().orElse(null);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }
}
