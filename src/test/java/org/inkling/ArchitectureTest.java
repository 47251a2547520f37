package org.inkling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the rooms of docs/ARCHITECTURE.md: arrows point down, and only the app knows JavaFX. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.inkling");
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.inkling.app..", "org.inkling")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "atlantafx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void engineDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("org.inkling.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.data..", "org.inkling.ink..",
                        "org.inkling.cli..", "org.inkling.app..")
                .check(classes);
    }

    @Test
    void dataAndInkStayBelowTheCommandLineAndTheApp() {
        noClasses().that().resideInAnyPackage("org.inkling.data..", "org.inkling.ink..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.cli..", "org.inkling.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.inkling.ink..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.data..", "org.inkling.nn..")
                .check(classes);
    }

    @Test
    void commandLineDoesNotReachIntoTheApp() {
        noClasses().that().resideInAPackage("org.inkling.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.inkling.app..")
                .check(classes);
    }
}
