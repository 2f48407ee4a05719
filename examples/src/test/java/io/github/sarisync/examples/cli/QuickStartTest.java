package io.github.sarisync.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start runs {@code mvn ... exec:java}: the arguments configured for
 * exec:java in this module's pom, run here in-process against the simulator on a fresh folder.
 */
class QuickStartTest {
    static final String QUICK_START = "mvn -B -q -pl examples -am -DskipTests package exec:java";

    @TempDir
    Path freshFolder;

    @Test
    void theQuickStartCommandSyncsTheDemoSchoolsAndASecondRunChangesNothing() throws Exception {
        List<String> args = execJavaArguments();
        assertThat(args).containsExactly("sync");

        var first = new CliRunner(freshFolder).run(args.toArray(String[]::new));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.err()).contains("Registered 3 demo driving schools");
        assertThat(first.out()).containsPattern("tenant\\s+outcome\\s+inserted")
                .contains("3 tenants in").contains("3 succeeded").containsPattern("\\d+ parts inserted");
        assertThat(freshFolder.resolve("sari-data/sari.mv.db")).exists();
        assertThat(freshFolder.resolve("sari-data/demo-credentials.key")).exists();

        var second = new CliRunner(freshFolder).run(args.toArray(String[]::new));

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.err()).doesNotContain("Registered");
        assertThat(second.out()).containsPattern("No changes \\(\\d+ parts unchanged\\)\\.");
    }

    @Test
    void theReadmeQuickStartIsExactlyTheMainJobAndTheTests() throws Exception {
        String readme = Files.readString(Path.of("README-cli.md"));
        int open = readme.indexOf("```bash\n");
        String block = readme.substring(open + "```bash\n".length(), readme.indexOf("```", open + 7));

        assertThat(block.lines()).containsExactly(QUICK_START, "mvn -B verify");
        assertThat(execJavaMainClass()).isEqualTo(SariSyncCli.class.getName());
    }

    /** The {@code <arguments>} of the exec-maven-plugin's default configuration in this module's pom. */
    static List<String> execJavaArguments() throws Exception {
        Element configuration = execConfiguration();
        List<String> args = new ArrayList<>();
        NodeList arguments = ((Element) configuration.getElementsByTagName("arguments").item(0))
                .getElementsByTagName("argument");
        for (int i = 0; i < arguments.getLength(); i++) {
            args.add(arguments.item(i).getTextContent().trim());
        }
        return args;
    }

    static String execJavaMainClass() throws Exception {
        return execConfiguration().getElementsByTagName("mainClass").item(0).getTextContent().trim();
    }

    private static Element execConfiguration() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            String artifact = plugin.getElementsByTagName("artifactId").item(0).getTextContent().trim();
            if (artifact.equals("exec-maven-plugin")) {
                NodeList children = plugin.getChildNodes();
                for (int j = 0; j < children.getLength(); j++) {
                    if (children.item(j) instanceof Element e && e.getTagName().equals("configuration")) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError("examples/pom.xml configures no exec-maven-plugin");
    }
}
