/**
 * Durable timers in DynamoDB: messages scheduled for a due time beyond what an SQS delay
 * allows, claimed by a conditional update and released to their queue when due.
 */
package dev.appointments.timers;
