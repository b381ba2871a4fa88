package io.computecase.local.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.Limits;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.util.Either;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;

/**
 * ElasticMQ's queues and messages kept in an H2 database in the data directory, wired as
 * ElasticMQ's own server wires its SQL persistence: a persistence actor listening to every queue
 * change, the queue manager telling it, and a restore of what the database holds before serving.
 */
final class SqsStorage {
  private SqsStorage() {}

  /** A queue manager whose queues and messages live in {@code directory}, restored from it. */
  static ActorRef queueManager(ActorSystem actors, Path directory, Limits limits) {
    Path database = directory.toAbsolutePath().resolve("sqs");
    SqlQueuePersistenceConfig config =
        new SqlQueuePersistenceConfig(
            true,
            "org.h2.Driver",
            // The stack closes the database itself once SQS has stopped (see close): H2's own
            // shutdown hook would close it first and lose what the stopping workers delete.
            "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
            "sa",
            "",
            false);
    // ElasticMQ opens its JVM-wide connection pool only the first time; opening it here too lets
    // a stack start again in this JVM after close() (tests, or another data directory).
    try {
      Class.forName(config.driverClass());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The H2 driver is missing from the classpath", e);
    }
    ConnectionPool$ pools = ConnectionPool$.MODULE$;
    ConnectionPoolSettings settings = pools.singleton$default$4();
    pools.singleton(
        config.uri(),
        config.username(),
        config.password(),
        settings,
        pools.singleton$default$5(config.uri(), config.username(), config.password(), settings));
    ActorRef listener =
        actors.actorOf(
            Props.create(
                SqlQueuePersistenceActor.class,
                () ->
                    new SqlQueuePersistenceActor(
                        config, scala.collection.immutable.List$.MODULE$.empty())),
            "sqs-persistence");
    ActorRef manager =
        actors.actorOf(
            Props.create(
                QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), limits, Option.apply(listener))),
            "sqs-queues");
    Object restored;
    try {
      restored =
          Patterns.ask(listener, new QueueEvent.Restore(manager), Duration.ofSeconds(60))
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "Cannot restore the SQS queues from " + database + ".mv.db: " + cause, cause);
    }
    if (restored instanceof Either<?, ?> either && either.isLeft()) {
      throw new IllegalStateException(
          "Cannot restore the SQS queues from " + database + ".mv.db: " + either.left().get());
    }
    return manager;
  }

  /** Closes the database once the actors that write to it have stopped, flushing it to disk. */
  static void close() {
    ConnectionPool$.MODULE$.closeAll();
  }
}
