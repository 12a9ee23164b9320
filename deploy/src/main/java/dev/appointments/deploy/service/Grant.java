package dev.appointments.deploy.service;

import java.util.List;

/**
 * One statement of a task role's policy: actions allowed on named queues and tables.
 * Resources are names, not ARNs, so the policy reads like api-security/README.md and the
 * stack resolves them to the resources it created.
 *
 * @param sid the statement id, as in the README
 * @param actions IAM actions, e.g. {@code sqs:ReceiveMessage}
 * @param resources what the actions apply to
 */
public record Grant(String sid, List<String> actions, List<Resource> resources) {

    public Grant {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /** A queue or table named by the system's definitions. */
    public sealed interface Resource {

    }

    /** A work queue. */
    public record Queue(String name) implements Resource {
    }

    /** The dead-letter queue of a work queue. */
    public record DeadLetterQueue(String queueName) implements Resource {
    }

    /** A table. */
    public record Table(String name) implements Resource {
    }

    /** Every index of a table ({@code table/<name>/index/*}). */
    public record TableIndexes(String name) implements Resource {
    }
}
