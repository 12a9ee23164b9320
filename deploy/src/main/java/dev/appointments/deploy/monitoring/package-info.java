/**
 * CloudWatch alarms on the queues, the dead-letter queues and the query API, sent to one
 * SNS topic.
 */
package dev.appointments.deploy.monitoring;
