package dev.appointments.engines;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.NodeAddress;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;

/**
 * ElasticMQ, speaking the SQS API, listening on loopback only. Its queues and messages
 * live in memory, or, given a data directory, are also written there and come back when
 * ElasticMQ starts again on it, even after a crash.
 */
final class LocalSqs {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final SQSRestServer server;

    private final ActorSystem actorSystem;

    private final MessageStorage storage;

    private final int port;

    private LocalSqs(SQSRestServer server, ActorSystem actorSystem, MessageStorage storage, int port) {
        this.server = server;
        this.actorSystem = actorSystem;
        this.storage = storage;
        this.port = port;
    }

    /** Starts ElasticMQ with its queues in memory only. */
    static LocalSqs start(int port) {
        return start(port, null);
    }

    /**
     * Starts ElasticMQ keeping its queues and messages in {@code dataDirectory}, created
     * if absent, or in memory only when it is {@code null}. One JVM can run one ElasticMQ
     * with a data directory at a time.
     */
    static LocalSqs start(int port, Path dataDirectory) {
        // The actor system and queue manager are built here, as ElasticMQ's own server
        // does, because the REST
        // builder alone cannot put stored queues back before it accepts requests.
        ActorSystem actorSystem = ActorSystem.create("elasticmq");
        MessageStorage storage = null;
        try {
            storage = dataDirectory == null ? null : MessageStorage.open(actorSystem, dataDirectory);
            Option<ActorRef> listener = Option.apply(storage == null ? null : storage.listener());
            ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                    SQSRestServerBuilder.sqsLimits(), listener), "queue-manager");
            if (storage != null) {
                storage.restoreInto(queueManager);
            }
            var builder = SQSRestServerBuilder.withActorSystem(actorSystem)
                .withQueueManagerActor(queueManager)
                .withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion(EmbeddedEngines.REGION);
            if (storage != null) {
                builder = builder.withQueueEventListener(storage.listener());
            }
            SQSRestServer server = builder.start();
            server.waitUntilStarted();
            return new LocalSqs(server, actorSystem, storage, port);
        }
        catch (RuntimeException ex) {
            terminate(actorSystem);
            if (storage != null) {
                storage.close();
            }
            throw ex;
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void stop() {
        try {
            server.stopAndWait();
            terminate(actorSystem);
        }
        finally {
            if (storage != null) {
                storage.close();
            }
        }
    }

    private static void terminate(ActorSystem actorSystem) {
        try {
            actorSystem.terminate();
            actorSystem.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (java.util.concurrent.ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("ElasticMQ's actors did not stop", ex);
        }
    }

}
