package dev.appointments.faults.fleet;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds each service's executable jar where its module's {@code package} phase leaves it.
 * The suite runs the jars of this checkout, never copies from a Maven repository, so that
 * it always tests the code beside it.
 */
final class ServiceJars {

    private ServiceJars() {
    }

    static Path of(Service service) {
        Path project = Path.of(System.getProperty("fault.projectDirectory", "..")).toAbsolutePath().normalize();
        String version = System.getProperty("fault.projectVersion", "0.1.0-SNAPSHOT");
        Path jar = project.resolve(service.artifactId())
            .resolve("target")
            .resolve(service.artifactId() + "-" + version + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No executable jar at " + jar + ": build it first with "
                    + "./mvnw -pl fault-tests -am package -DskipTests (or run the suite with -am verify)");
        }
        return jar;
    }

}
