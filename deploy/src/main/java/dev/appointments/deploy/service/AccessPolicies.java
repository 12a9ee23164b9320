package dev.appointments.deploy.service;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.appointments.deploy.service.Grant.DeadLetterQueue;
import dev.appointments.deploy.service.Grant.Queue;
import dev.appointments.deploy.service.Grant.Resource;
import dev.appointments.deploy.service.Grant.Table;
import dev.appointments.deploy.service.Grant.TableIndexes;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;

/**
 * The least-privilege policy of each service's task role, statement by statement as
 * api-security/README.md lists them: only what the service's code calls. DynamoDB
 * transactions are authorised as their single actions; {@code DescribeTable} and
 * {@code GetQueueAttributes} serve the readiness check. Queues are encrypted with
 * SSE-SQS, so no KMS permission is needed. The README's {@code appointment-*-dlq}
 * wildcard is written out as the three dead-letter queues.
 */
public final class AccessPolicies {

    private static final List<String> CONSUME = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility", "sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes");

    private static final List<String> PRODUCE = List.of("sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes");

    private static final List<String> WRITE_ITEMS = List.of("dynamodb:GetItem", "dynamodb:PutItem",
            "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable");

    private static final List<String> TIMERS = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable");

    private static final List<String> WORK_QUEUES = List.of(Queues.APPOINTMENT_REQUESTS,
            Queues.APPOINTMENT_CONFIRMATIONS, Queues.APPOINTMENT_REMINDERS);

    private AccessPolicies() {
    }

    /** The statements of the given service's task role. */
    public static List<Grant> of(AppointmentService service) {
        return switch (service) {
            case REQUEST -> List.of(
                    new Grant("ConsumeRequests", CONSUME, List.of(new Queue(Queues.APPOINTMENT_REQUESTS))),
                    new Grant("ProduceConfirmations", PRODUCE, List.of(new Queue(Queues.APPOINTMENT_CONFIRMATIONS))),
                    new Grant("Booking", WRITE_ITEMS,
                            tables(Tables.Appointments.NAME, Tables.SlotLocks.NAME, Tables.Patients.NAME,
                                    Tables.PatientEmails.NAME, Tables.Providers.NAME, Tables.RequestOutcomes.NAME)));
            case CONFIRMATION -> List.of(
                    new Grant("ConsumeConfirmations", CONSUME, List.of(new Queue(Queues.APPOINTMENT_CONFIRMATIONS))),
                    new Grant("ProduceReminders", PRODUCE, List.of(new Queue(Queues.APPOINTMENT_REMINDERS))),
                    new Grant("Lifecycle", WRITE_ITEMS,
                            tables(Tables.Appointments.NAME, Tables.SlotLocks.NAME, Tables.RequestOutcomes.NAME)),
                    new Grant("Timers", TIMERS, tables(Tables.Timers.NAME)));
            case REMINDER -> List.of(
                    new Grant("ConsumeReminders", CONSUME, List.of(new Queue(Queues.APPOINTMENT_REMINDERS))),
                    new Grant("ReadBookings", List.of("dynamodb:GetItem", "dynamodb:DescribeTable"),
                            tables(Tables.Appointments.NAME, Tables.Patients.NAME, Tables.Providers.NAME)),
                    new Grant("NotificationsAndTimers", TIMERS, tables(Tables.Notifications.NAME, Tables.Timers.NAME)));
            case QUERY -> List.of(
                    new Grant("QueueDepth", List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes"),
                            concat(WORK_QUEUES.stream().<Resource>map(Queue::new).toList(), deadLetterQueues())),
                    new Grant("BrowseAndRedriveDeadLetters",
                            List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:DeleteMessage",
                                    "sqs:StartMessageMoveTask", "sqs:ListMessageMoveTasks",
                                    "sqs:CancelMessageMoveTask"),
                            deadLetterQueues()),
                    new Grant("RedriveTargets", List.of("sqs:SendMessage"),
                            WORK_QUEUES.stream().<Resource>map(Queue::new).toList()),
                    new Grant("Reads", List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:DescribeTable"),
                            concat(List.of(new Table(Tables.Appointments.NAME),
                                    new TableIndexes(Tables.Appointments.NAME)),
                                    tables(Tables.Patients.NAME, Tables.PatientEmails.NAME, Tables.Providers.NAME,
                                            Tables.SlotLocks.NAME, Tables.RequestOutcomes.NAME))));
        };
    }

    private static List<Resource> tables(String... names) {
        return Arrays.stream(names).<Resource>map(Table::new).toList();
    }

    private static List<Resource> deadLetterQueues() {
        return WORK_QUEUES.stream().<Resource>map(DeadLetterQueue::new).toList();
    }

    private static List<Resource> concat(List<Resource> first, List<Resource> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

}
