/**
 * Tests of the Kubernetes manifests: every kustomize overlay rendered and its objects
 * checked.
 */
package dev.appointments.deploy.kubernetes;
