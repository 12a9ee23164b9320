package dev.appointments.reminder.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.appointments.reminder.delivery.DeliveryResult;
import org.springframework.context.ApplicationContext;

/**
 * What the notifications table holds for a notification, for the service's tests outside
 * this package: the table's reading stays the one of {@link Notifications}, which is this
 * package's own business.
 */
public final class StoredNotifications {

    private final Notifications notifications;

    public StoredNotifications(ApplicationContext context) {
        this.notifications = context.getBean(Notifications.class);
    }

    public Optional<StoredNotification> find(String notificationId) {
        return notifications.find(notificationId)
            .map(found -> new StoredNotification(found.status().name(), found.reason(), found.claims(),
                    found.deliveries(), found.sentAt()));
    }

    /** A notification's record: its status by name (SENDING, SENT, FAILED, SKIPPED). */
    public record StoredNotification(String status, String reason, long claims, Map<String, DeliveryResult> deliveries,
            Instant sentAt) {

        public boolean finished() {
            return !NotificationStatus.SENDING.name().equals(status);
        }
    }

}
