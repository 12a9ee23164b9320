/**
 * Tests of the container images the build writes as tar files: their configuration, and
 * the services run from them.
 */
package dev.appointments.deploy.image;
