/**
 * A benchmark of the DynamoDB engine through the AWS SDK, against a baseline of the same
 * run.
 */
package dev.appointments.benchmarks.engine;
