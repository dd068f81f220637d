package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a library user needs is written down: coordinates, install step, packages, and a publishable POM. */
class LibraryUseTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void readmeGivesTheInstallStepTheDependencyAndThePackages() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String needed : new String[] {"mvn -B install -DskipTests", "<groupId>io.github.dtad</groupId>",
            "<artifactId>dtad-core</artifactId>", "<artifactId>dtad-torch</artifactId>",
            "<artifactId>dtad-parquet</artifactId>", "<artifactId>slf4j-nop</artifactId>", "`dtad.method`"}) {
            assertTrue(readme.contains(needed), "README.md lacks " + needed);
        }
    }

    @Test
    void thePomCarriesWhatMavenCentralRequires() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        for (String needed : new String[] {"<url>", "<licenses>", "Apache License, Version 2.0", "<developers>", "<scm>",
            "maven-source-plugin", "maven-javadoc-plugin", "<id>release</id>"}) {
            assertTrue(pom.contains(needed), "pom.xml lacks " + needed);
        }
        assertTrue(Files.readString(ROOT.resolve("LICENSE")).contains("Apache License"), "LICENSE");
    }
}
