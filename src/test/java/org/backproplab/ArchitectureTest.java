package org.backproplab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules. ArchUnit checks them on the compiled production classes, so a fully qualified
 * name in a method body counts as much as an import; a scan of the sources adds the imports that
 * leave nothing in the bytecode (an unused {@code import javafx...} still ties a package to JavaFX
 * at compile time). Test classes are left out: the shared test helpers in {@code ui.testing} and
 * the window tests in {@code ui.shell} use each other.
 */
class ArchitectureTest {

    private static final String ROOT = "org.backproplab";
    private static final Path SOURCES = Path.of("src/main/java/org/backproplab");
    /** The one JavaFX type allowed outside the ui: {@link Main} launches the app with it. */
    private static final String LAUNCHER = "javafx.application.Application";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every package under org.backproplab is its own slice, the root (Main) and ui's sub-packages included. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(ROOT) || name.startsWith(ROOT + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package under " + ROOT;
        }
    };

    @Test
    void theRulesSeeTheWholeApp() {
        // Guards against rules passing on nothing (e.g. class files too new for ArchUnit's reader).
        assertTrue(PRODUCTION.contain(Main.class.getName()));
        assertTrue(PRODUCTION.contain("org.backproplab.ui.shell.LabWindow"));
    }

    @Test
    void packagesHaveNoCycles() {
        slices().assignedFrom(EACH_PACKAGE)
                .should().beFreeOfCycles()
                .because("dependencies between packages run one way: ui.shell on top, the engine at the bottom")
                .check(PRODUCTION);
    }

    @Test
    void featuresDoNotUseTheShell() {
        noClasses().that().resideInAPackage("org.backproplab.ui..")
                .and().resideOutsideOfPackage("org.backproplab.ui.shell..")
                .should().dependOnClassesThat().resideInAPackage("org.backproplab.ui.shell..")
                .because("ui.shell assembles the window from the features; a feature never reaches back into it")
                .check(PRODUCTION);
    }

    @Test
    void javaFxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackage("org.backproplab.ui..")
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine, trace, data, training, lesson and cli packages run headless, without JavaFX")
                .check(PRODUCTION);
        noClasses().that().haveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat(resideInAPackage("javafx..").and(not(name(LAUNCHER))))
                .because("Main is a plain class that only calls Application.launch, so JavaFX starts from the classpath")
                .check(PRODUCTION);
    }

    @Test
    void noJavaFxImportOutsideTheUi() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the project directory: " + SOURCES.toAbsolutePath());
        Path ui = SOURCES.resolve("ui");
        Path main = SOURCES.resolve("Main.java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(ui)).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean javaFx = line.startsWith("import javafx.") || line.startsWith("import static javafx.");
                    if (javaFx && !(file.equals(main) && line.equals("import " + LAUNCHER + ";"))) {
                        found.add(file + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "JavaFX imported outside org.backproplab.ui (only Main may import "
                + LAUNCHER + ")");
    }
}
