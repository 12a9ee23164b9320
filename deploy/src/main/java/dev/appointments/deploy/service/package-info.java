/**
 * The four services on ECS Fargate: task definitions, least-privilege task roles, the
 * query-service's load balancer and scaling.
 */
package dev.appointments.deploy.service;
