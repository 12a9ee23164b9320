package dev.appointments.model;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The contract is shared by every service and by producers, so it must not drag a
 * framework along.
 */
@AnalyzeClasses(packages = "dev.appointments.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkValidationApiAndJacksonAnnotations = classes().should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "jakarta.validation..", "com.fasterxml.jackson.annotation..",
                "dev.appointments.model..");

    @ArchTest
    static final ArchRule knowsNoSpringAndNoAws = noClasses().should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "software.amazon..", "io.awspring..", "tools.jackson..",
                "org.hibernate..");

}
