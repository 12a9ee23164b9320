package dev.appointments.deploy.service;

/**
 * Who issues the access tokens, as the services and the patient page need to know it
 * (CloudFormation values).
 *
 * @param issuerUri the OIDC issuer the services check tokens against
 * @param authorizationEndpoint where the patient page sends a patient to sign in
 * @param tokenEndpoint where the patient page exchanges the sign-in code for a token
 * @param patientWebClientId the patient page's public client at the issuer
 */
public record TokenIssuer(String issuerUri, String authorizationEndpoint, String tokenEndpoint,
        String patientWebClientId) {
}
