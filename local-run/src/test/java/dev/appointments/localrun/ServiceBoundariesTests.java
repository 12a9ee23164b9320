package dev.appointments.localrun;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Each service is deployed on its own, so its inside is nobody else's business: a type is
 * public only when it is an entry point, the application class or what another package of
 * the same service calls, and no service reaches into another. The launcher's module sees
 * all four services, so the rules are checked here once for each.
 */
class ServiceBoundariesTests {

    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.appointments");

    static Stream<String> services() {
        return Stream.of("dev.appointments.request", "dev.appointments.confirmation", "dev.appointments.reminder",
                "dev.appointments.query");
    }

    @ParameterizedTest
    @MethodSource("services")
    void onlyEntryPointsArePublic(String service) {
        classes().that()
            .resideInAPackage(service + "..")
            .and()
            .areTopLevelClasses()
            .and()
            .arePublic()
            .should(beTheApplicationOrUsedFromAnotherPackage())
            .because("a type nobody outside its package uses is an implementation detail of that package")
            .check(MAIN_CODE);
    }

    @ParameterizedTest
    @MethodSource("services")
    void reachesIntoNoOtherService(String service) {
        String[] others = services().filter(other -> !other.equals(service))
            .map(other -> other + "..")
            .toArray(String[]::new);
        noClasses().that()
            .resideInAPackage(service + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(others)
            .check(MAIN_CODE);
    }

    private static ArchCondition<JavaClass> beTheApplicationOrUsedFromAnotherPackage() {
        return new ArchCondition<>("be the application class or be used from another package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean application = type.isAnnotatedWith(SpringBootApplication.class);
                boolean usedElsewhere = type.getDirectDependenciesToSelf()
                    .stream()
                    .anyMatch(
                            dependency -> !dependency.getOriginClass().getPackageName().equals(type.getPackageName()));
                if (!application && !usedElsewhere) {
                    events.add(SimpleConditionEvent.violated(type,
                            type.getName() + " is public, but nothing outside " + type.getPackageName() + " uses it"));
                }
            }
        };
    }

}
