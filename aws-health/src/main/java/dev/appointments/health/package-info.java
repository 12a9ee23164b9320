/**
 * Health of the AWS resources a service depends on: its SQS queues and its DynamoDB
 * tables.
 */
package dev.appointments.health;
