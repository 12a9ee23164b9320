package dev.appointments.engines;

import java.nio.file.Path;

/**
 * Runs ElasticMQ with a data directory in a JVM of its own, so that a test can kill it as
 * a crash would. Arguments: the port and the data directory.
 */
final class LocalSqsProcess {

    private LocalSqsProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalSqs.start(Integer.parseInt(args[0]), Path.of(args[1]));
        Thread.currentThread().join();
    }

}
