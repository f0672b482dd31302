package org.kindred.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's package graph, checked on the compiled main classes: no package cycles under
 * {@code org.kindred.server}, the room core and the pure-Java services import no Netty type
 * (Netty stays in {@code transport}, {@code session}, {@code dispatch} and {@code api}), and
 * only the assembly classes of {@code org.kindred.server} itself may depend on everything.
 */
class PackageRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kindred.server");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.kindred.server.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void roomCoreAndServicesImportNoNetty() {
        noClasses().that().resideInAnyPackage("org.kindred.server.room..", "org.kindred.server.broker..",
                        "org.kindred.server.moderator..", "org.kindred.server.moderation..",
                        "org.kindred.server.crisis..", "org.kindred.server.store..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(classes);
    }

    @Test
    void nothingBelowTheAssemblyDependsOnIt() {
        noClasses().that().resideInAPackage("org.kindred.server.(*)..")
                .should().dependOnClassesThat().resideInAPackage("org.kindred.server")
                .check(classes);
    }
}
