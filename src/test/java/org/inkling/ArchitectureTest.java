package org.inkling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rooms of docs/ARCHITECTURE.md: arrows point from the front ends down, never back, no
 * room depends on another in a circle, and only the app knows JavaFX.
 */
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
    void theSharedBaseUsesTheJdkOnly() {
        noClasses().that().resideInAPackage("org.inkling.base..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.inkling.base..")
                .check(classes);
    }

    @Test
    void engineDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("org.inkling.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.data..", "org.inkling.ink..",
                        "org.inkling.models..", "org.inkling.training..", "org.inkling.inspect..", "org.inkling.cli..", "org.inkling.app..")
                .check(classes);
    }

    @Test
    void onlyTheEngineReachesItsKernels() {
        noClasses().that().resideOutsideOfPackages("org.inkling.nn..")
                .should().dependOnClassesThat().resideInAPackage("org.inkling.nn.kernel..")
                .check(classes);
    }

    @Test
    void dataAndInkStayBelowTheTrainingJobAndTheFrontEnds() {
        noClasses().that().resideInAnyPackage("org.inkling.data..", "org.inkling.ink..", "org.inkling.models..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.training..", "org.inkling.inspect..",
                        "org.inkling.cli..", "org.inkling.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.inkling.ink..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.data..", "org.inkling.nn..")
                .check(classes);
    }

    /** The model formats sit beside the engine: they may use nn, json and base, and the engine never uses them. */
    @Test
    void modelFormatsStayBetweenTheEngineAndTheFrontEnds() {
        noClasses().that().resideInAPackage("org.inkling.models..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.data..", "org.inkling.ink..",
                        "org.inkling.cli..", "org.inkling.app..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.inkling.nn..", "org.inkling.json..", "org.inkling.base..")
                .should().dependOnClassesThat().resideInAPackage("org.inkling.models..")
                .check(classes);
    }

    @Test
    void theTrainingJobKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage("org.inkling.training..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.cli..", "org.inkling.app..")
                .check(classes);
    }

    @Test
    void inspectionLooksAtModelsFromBelowTheFrontEnds() {
        noClasses().that().resideInAPackage("org.inkling.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.cli..", "org.inkling.app..",
                        "org.inkling.training..", "org.inkling.models..")
                .check(classes);
    }

    @Test
    void theTwoFrontEndsDoNotUseEachOther() {
        noClasses().that().resideInAPackage("org.inkling.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.inkling.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.inkling.app..")
                .should().dependOnClassesThat().resideInAPackage("org.inkling.cli..")
                .check(classes);
    }

    @Test
    void noRoomsDependOnEachOtherInACircle() {
        slices().matching("org.inkling.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.inkling.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theAppsRoomsLeanOnTheSharedServicesNotTheShell() {
        noClasses().that().resideInAPackage("org.inkling.app.*..")
                .should().dependOnClassesThat().resideInAPackage("org.inkling.app")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.inkling.app.shared..", "org.inkling.app.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.app.drawing..", "org.inkling.app.training..",
                        "org.inkling.app.inspection..", "org.inkling.app.teaching..")
                .check(classes);
    }

    @Test
    void jsonUsesOnlyTheBase() {
        noClasses().that().resideInAPackage("org.inkling.json..")
                .should().dependOnClassesThat().resideInAnyPackage("org.inkling.nn..", "org.inkling.data..", "org.inkling.ink..",
                        "org.inkling.models..", "org.inkling.training..", "org.inkling.cli..", "org.inkling.app..")
                .check(classes);
    }
}
