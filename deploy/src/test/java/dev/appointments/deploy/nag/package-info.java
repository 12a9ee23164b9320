/**
 * cdk-nag's AwsSolutions rules over the synthesised stacks.
 */
package dev.appointments.deploy.nag;
