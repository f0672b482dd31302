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
 * {@code org.kindred.server}; Netty stays in {@code transport}, {@code api} and the assembly (the
 * room core, the services, sessions and the request layer import no Netty type); outside
 * {@code room} only its face is used (never its policy, seats, joins, report ledger or parts);
 * only rooms, sessions and the assembly reach the broker; and only the assembly classes of
 * {@code org.kindred.server} itself may depend on everything.
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
    void nettyStaysInTransportApiAndTheAssembly() {
        noClasses().that().resideInAPackage("org.kindred.server..")
                .and().resideOutsideOfPackages("org.kindred.server.transport..", "org.kindred.server.api..",
                        "org.kindred.server")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(classes);
    }

    @Test
    void outsideTheRoomOnlyItsFaceIsUsed() {
        noClasses().that().resideInAPackage("org.kindred.server..")
                .and().resideOutsideOfPackages("org.kindred.server.room..", "org.kindred.server")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.kindred.server.room.RoomPolicy")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kindred.server.room.Seats")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kindred.server.room.Joins")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kindred.server.room.ReportLedger")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kindred.server.room.RoomParts")
                .check(classes);
    }

    @Test
    void onlyRoomsSessionsAndTheAssemblyReachTheBroker() {
        noClasses().that().resideInAPackage("org.kindred.server..")
                .and().resideOutsideOfPackages("org.kindred.server.broker..", "org.kindred.server.room..",
                        "org.kindred.server.session..", "org.kindred.server")
                .should().dependOnClassesThat().resideInAPackage("org.kindred.server.broker..")
                .check(classes);
    }

    @Test
    void nothingBelowTheAssemblyDependsOnIt() {
        noClasses().that().resideInAPackage("org.kindred.server.(*)..")
                .should().dependOnClassesThat().resideInAPackage("org.kindred.server")
                .check(classes);
    }
}
