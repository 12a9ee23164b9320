/**
 * What the scenarios check against: outcomes and appointments in DynamoDB itself, and the
 * mailbox.
 */
package dev.appointments.faults.check;
