package dev.appointments.engines;

import java.nio.file.Path;

/**
 * Runs ElasticMQ with a data directory in a JVM of its own, so that a test can kill it as a crash would.
 * Arguments: the port and the data directory. It prints {@link #STARTED} once it accepts requests.
 */
final class LocalSqsProcess {

    static final String STARTED = "local-sqs-started";

    private LocalSqsProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalSqs.start(Integer.parseInt(args[0]), Path.of(args[1]));
        System.out.println(STARTED);
        System.out.flush();
        Thread.currentThread().join();
    }
}
