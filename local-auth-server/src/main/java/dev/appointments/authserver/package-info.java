/**
 * A real OAuth2 authorization server (Spring Authorization Server) for the local run and
 * tests, with demo clients and users; never deployed.
 */
package dev.appointments.authserver;
