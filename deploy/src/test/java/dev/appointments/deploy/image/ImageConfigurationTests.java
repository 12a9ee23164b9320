package dev.appointments.deploy.image;

import java.util.stream.Stream;

import dev.appointments.deploy.service.AppointmentService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the images the build writes promise an operator: non-root, JVM flags for
 * containers, the pom's version in tag and labels, the service's port, layers in the
 * order that keeps rebuilds small, and nothing that only tests need.
 */
class ImageConfigurationTests {

    static Stream<String> images() {
        return Stream.concat(Stream.of(AppointmentService.values()).map(AppointmentService::serviceName),
                Stream.of("local-auth-server"));
    }

    @ParameterizedTest
    @MethodSource("images")
    void runsAsAnUnprivilegedUser(String module) {
        ImageTar image = ImageTar.of(module);
        assertThat(image.user()).isEqualTo("10001:10001");
    }

    @ParameterizedTest
    @MethodSource("images")
    void sizesTheHeapFromTheContainerAndExitsWhenOutOfMemory(String module) {
        ImageTar image = ImageTar.of(module);
        assertThat(image.entrypoint()).first().isEqualTo("java");
        assertThat(image.entrypoint()).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
    }

    @ParameterizedTest
    @MethodSource("images")
    void carriesThePomVersionInItsTagAndLabels(String module) {
        ImageTar image = ImageTar.of(module);
        String version = image.labels().get("org.opencontainers.image.version");
        assertThat(version).isNotBlank();
        assertThat(image.reference()).isEqualTo("appointments/" + module + ":" + version);
        assertThat(image.labels()).containsEntry("org.opencontainers.image.title", module)
            .containsKeys("org.opencontainers.image.description", "org.opencontainers.image.base.name");
        // The commit the image was built from (git-commit-id), a full SHA-1.
        assertThat(image.labels().get("org.opencontainers.image.revision")).matches("[0-9a-f]{40}");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void exposesTheServicePortAndStartsItsApplication(AppointmentService service) {
        ImageTar image = ImageTar.of(service.serviceName());
        assertThat(image.exposedPorts()).containsExactly(service.port() + "/tcp");
        assertThat(image.entrypoint().getLast()).startsWith("dev.appointments.").endsWith("ServiceApplication");
    }

    @ParameterizedTest
    @MethodSource("images")
    void layersDependenciesBeforeTheProjectSoThatACodeChangeRebuildsOnlySmallLayers(String module) {
        ImageTar image = ImageTar.of(module);
        assertThat(image.layerNames()).containsSubsequence("dependencies", "resources", "classes");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void shipsNoEngineOrTestLibrary(AppointmentService service) {
        ImageTar image = ImageTar.of(service.serviceName());
        assertThat(ImageTar.fileNames(image.rootfs(), "/app/libs")).anyMatch(jar -> jar.startsWith("spring-boot-4"))
            .noneMatch(jar -> jar.startsWith("DynamoDBLocal") || jar.startsWith("elasticmq")
                    || jar.startsWith("greenmail") || jar.startsWith("junit") || jar.startsWith("embedded-engines")
                    || jar.startsWith("local-auth-server") || jar.startsWith("sqlite4java"));
    }

}
