package dev.appointments.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.DB;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.h2.jdbcx.JdbcConnectionPool;
import scalikejdbc.ConnectionPool;
import scalikejdbc.DataSourceConnectionPool;
import scalikejdbc.DataSourceConnectionPoolSettings;

/**
 * ElasticMQ's SQL message storage ({@code messages-storage} in its server's
 * configuration) on an H2 database in a directory. ElasticMQ writes every change of a
 * queue or message to it before it answers the request, and puts the queues and their
 * messages back at start: visible, delayed and in-flight messages with their receive
 * counts.
 */
final class MessageStorage {

    private static final String H2_DRIVER = "org.h2.Driver";

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

    // ElasticMQ reaches its database through scalikejdbc's one pool per JVM, so only one
    // storage can be open at a time.
    private static final AtomicBoolean open = new AtomicBoolean();

    private final ActorRef listener;

    private MessageStorage(ActorRef listener) {
        this.listener = listener;
    }

    static MessageStorage open(ActorSystem actorSystem, Path directory) {
        if (!open.compareAndSet(false, true)) {
            throw new IllegalStateException("Another ElasticMQ with a data directory is running in this JVM");
        }
        try {
            Files.createDirectories(directory);
            // WRITE_DELAY=0: H2 writes each commit to the file at once instead of within
            // 500 ms, so a message whose
            // send was answered survives the process being killed.
            String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("elasticmq") + ";WRITE_DELAY=0";
            var config = new SqlQueuePersistenceConfig(true, H2_DRIVER, url, "sa", "", false);
            // ElasticMQ opens the JVM's pool only the first time; a pool of our own
            // points it at this directory on
            // every start and lets close() release the database files.
            DB.initializeSingleton(config);
            JdbcConnectionPool connections = JdbcConnectionPool.create(url, "sa", "");
            ConnectionPool.singleton(new DataSourceConnectionPool(connections,
                    new DataSourceConnectionPoolSettings(H2_DRIVER), connections::dispose));
            ActorRef listener = actorSystem.actorOf(
                    Props.create(SqlQueuePersistenceActor.class, config, scala.collection.immutable.Nil$.MODULE$),
                    "message-storage");
            return new MessageStorage(listener);
        }
        catch (IOException ex) {
            open.set(false);
            throw new UncheckedIOException("Cannot create ElasticMQ's data directory " + directory, ex);
        }
        catch (RuntimeException ex) {
            release();
            throw ex;
        }
    }

    /** The actor that ElasticMQ tells of every change to write it down. */
    ActorRef listener() {
        return listener;
    }

    /** Creates the stored queues in the queue manager and puts their messages back. */
    void restoreInto(ActorRef queueManager) {
        Object result;
        try {
            result = Patterns.ask(listener, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                .toCompletableFuture()
                .get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ElasticMQ restored its queues", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("ElasticMQ did not restore its queues from its data directory", ex);
        }
        if (result instanceof scala.util.Left<?, ?> errors) {
            throw new IllegalStateException("ElasticMQ could not restore its queues: " + errors.value());
        }
    }

    /** Releases the database; to be called once ElasticMQ's actors have stopped. */
    void close() {
        release();
    }

    private static void release() {
        try {
            ConnectionPool.closeAll();
        }
        finally {
            open.set(false);
        }
    }

}
