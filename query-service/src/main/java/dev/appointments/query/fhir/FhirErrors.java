package dev.appointments.query.fhir;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Failures of the FHIR endpoints as OperationOutcome resources with the matching HTTP
 * status, as FHIR clients expect, instead of the REST API's problem responses.
 */
@RestControllerAdvice(assignableTypes = { FhirAppointmentController.class, FhirSlotController.class,
        FhirDirectoryController.class, FhirMetadataController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    private final FhirJson json;

    FhirErrors(FhirJson json) {
        this.json = json;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception ex) {
        return switch (ex) {
            case ErrorResponse error -> outcome(error.getStatusCode(), error.getBody().getDetail());
            case TypeMismatchException mismatch -> outcome(HttpStatus.BAD_REQUEST,
                    "Parameter '%s' has a malformed value.".formatted(mismatch.getPropertyName()));
            case CallNotPermittedException unavailable -> unavailable(ex);
            case SdkException sdk when dev.appointments.query.web.RefusedKeys.refused(sdk) ->
                outcome(HttpStatus.NOT_FOUND, "There is no such resource.");
            case SdkException unavailable -> unavailable(ex);
            default -> {
                log.error("FHIR request failed", ex);
                yield outcome(HttpStatus.INTERNAL_SERVER_ERROR,
                        "The request could not be served because of an internal error.");
            }
        };
    }

    private ResponseEntity<String> unavailable(Exception ex) {
        log.warn("DynamoDB read failed: {}", ex.toString());
        return outcome(HttpStatus.SERVICE_UNAVAILABLE,
                "The appointment data can't be read right now; try again shortly.");
    }

    private ResponseEntity<String> outcome(HttpStatusCode status, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
            .setSeverity(OperationOutcome.IssueSeverity.ERROR)
            .setCode(issueType(status.value()))
            .setDiagnostics(diagnostics);
        return ResponseEntity.status(status).contentType(FhirJson.FHIR_JSON).body(json.write(outcome));
    }

    private static IssueType issueType(int status) {
        return switch (status) {
            case 404 -> IssueType.NOTFOUND;
            case 400 -> IssueType.INVALID;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 503 -> IssueType.TRANSIENT;
            default -> status < 500 ? IssueType.PROCESSING : IssueType.EXCEPTION;
        };
    }

}
