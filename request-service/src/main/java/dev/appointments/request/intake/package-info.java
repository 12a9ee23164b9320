/**
 * HTTP intake: booking requests posted over HTTP are checked and put on the appointment-requests queue.
 */
package dev.appointments.request.intake;
