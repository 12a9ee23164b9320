/**
 * The message contract of the three queues, with the field rules shared by all of them.
 */
package dev.appointments.model;
