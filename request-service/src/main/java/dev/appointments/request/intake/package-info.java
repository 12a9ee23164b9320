/**
 * HTTP intake: producer commands given over HTTP are checked and put on the queue a
 * producer would put them on.
 */
package dev.appointments.request.intake;
