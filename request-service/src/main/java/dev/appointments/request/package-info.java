/**
 * The request-service: books, moves and cancels appointments from the
 * appointment-requests queue.
 */
package dev.appointments.request;
