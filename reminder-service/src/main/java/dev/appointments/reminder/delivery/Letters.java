package dev.appointments.reminder.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the letter of a notice. Times are the provider's wall-clock time with its zone,
 * since that is where the patient has to be:
 * {@code Wednesday 3 March 2027, 09:30 EST (America/New_York)}. While the appointment is
 * ahead the letter says how to cancel or reschedule it on the patient page, with a link
 * that opens that appointment; after a refusal or a cancellation, where to book again. A
 * patient is never asked to send a queue command.
 */
final class Letters {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm zzz", Locale.ENGLISH);

    private final URI patientPage;

    /**
     * @param patientPage the patient page, where patients sign in and manage their
     * appointments
     */
    Letters(URI patientPage) {
        this.patientPage = patientPage;
    }

    Letter write(Notice notice) {
        String provider = notice.providerName();
        ZonedDateTime start = notice.localStart();
        String when = WHEN.format(start) + " (" + start.getZone().getId() + ")";
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(lead(notice, provider));
        paragraphs
            .add("When: " + when + "\nWith: " + provider + "\nAppointment: " + notice.appointment().appointmentId());
        String link = notice.topic().appointmentAhead() ? linkTo(notice.appointment().appointmentId())
                : patientPage.toString();
        paragraphs.add(notice.topic().appointmentAhead()
                ? "To cancel or reschedule, open this appointment on your appointments page: " + link
                        + " (sign in, then choose Cancel or Reschedule)."
                : "To book another time, go to your appointments page: " + link + ".");
        String greeting = "Hello " + notice.patient().firstName() + ",";
        String text = greeting + "\n\n" + String.join("\n\n", paragraphs) + "\n";
        StringBuilder html = new StringBuilder("<!doctype html><html><body><p>").append(escape(greeting))
            .append("</p>");
        String anchor = "<a href=\"" + escape(link) + "\">" + escape(link) + "</a>";
        paragraphs.forEach(paragraph -> html.append("<p>")
            .append(escape(paragraph).replace("\n", "<br>\n").replace(escape(link), anchor))
            .append("</p>"));
        html.append("</body></html>");
        return new Letter(subject(notice, provider, SHORT.format(start)), text, html.toString());
    }

    private static String subject(Notice notice, String provider, String when) {
        return switch (notice.topic()) {
            case CONFIRMED -> "Confirmed: your appointment with " + provider + " on " + when;
            case DECLINED -> "Declined: your appointment request with " + provider + " on " + when;
            case EXPIRED -> "Not confirmed: your appointment request with " + provider + " on " + when;
            case CANCELLED -> "Cancelled: your appointment with " + provider + " on " + when;
            case RESCHEDULED -> "Moved: your appointment with " + provider + ", now on " + when;
            case REMINDER -> "Reminder: your appointment with " + provider + " on " + when;
        };
    }

    private static String lead(Notice notice, String provider) {
        return switch (notice.topic()) {
            case CONFIRMED -> "Your appointment with " + provider + " is confirmed.";
            case DECLINED -> provider + " could not accept your appointment request. Please choose another time.";
            case EXPIRED -> provider + " did not confirm your appointment request in time, so the time was"
                    + " released. Please book again.";
            case CANCELLED -> "Your appointment with " + provider + " is cancelled.";
            case RESCHEDULED -> "Your appointment with " + provider + " was moved to the time below. You will hear"
                    + " from us when it is confirmed.";
            case REMINDER ->
                "A reminder: your appointment with " + provider + " is " + inAbout(notice.reminderOffset()) + ".";
        };
    }

    /** The patient page opening this appointment. */
    private String linkTo(String appointmentId) {
        return UriComponentsBuilder.fromUri(patientPage)
            .replaceQueryParam("appointment", appointmentId)
            .build()
            .encode()
            .toUriString();
    }

    private static String inAbout(Duration offset) {
        if (offset == null) {
            return "soon";
        }
        if (offset.toMinutes() % 60 != 0) {
            return "in " + offset.toMinutes() + " minutes";
        }
        long hours = offset.toHours();
        return hours == 1 ? "in 1 hour" : "in " + hours + " hours";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

}
