package dev.appointments.request.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes, in the OpenAPI document, what every command route answers and what its
 * headers mean: one description for all the routes of {@link CommandSubmissions}, since
 * they all answer the same way.
 */
@Component
class OpenApiAnswers implements OperationCustomizer {

    /**
     * Marks a handler method that submits a command, so that the document lists the
     * command answers for it.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Command {

    }

    private static final String PROBLEM = "application/problem+json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.hasMethodAnnotation(Command.class)) {
            return operation;
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                describe(parameter);
            }
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("202",
                json("Queued (or answered before, status ANSWERED); the outcome will be at "
                        + "Location. Also the answer to Prefer: wait when the wait runs out.", """
                                {"requestId": "cancel-42", "status": "QUEUED",
                                 "outcomeUrl": "http://127.0.0.1:8080/api/appointment-requests/cancel-42"}""")
                    .addHeaderObject("Location", header("Where the outcome will be read")));
        responses.addApiResponse("200",
                json("With Prefer: wait, the command was carried out: the outcome", """
                        {"requestId": "cancel-42", "commandType": "CancelAppointment", "status": "ACCEPTED",
                         "message": "Cancelled.", "appointmentId": "5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11",
                         "recordedAt": "2026-11-21T08:00:00Z"}""")
                    .addHeaderObject("Content-Location", header("The outcome's URL"))
                    .addHeaderObject("Preference-Applied", header("The wait honoured, e.g. wait=10")));
        responses.addApiResponse("201", json(
                "With Prefer: wait, a RequestAppointment booked; Location names the " + "appointment",
                """
                        {"requestId": "req-7f3a", "commandType": "RequestAppointment", "status": "ACCEPTED",
                         "message": "Booked; waiting for confirmation.",
                         "appointmentId": "5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11", "recordedAt": "2026-11-20T10:00:00Z"}""")
            .addHeaderObject("Location", header("The appointment in the query API")));
        responses.addApiResponse("400", problem(
                "The body breaks the contract (each field named), two different " + "request ids, or not a command",
                """
                        {"type": "about:blank", "title": "Invalid command", "status": 400,
                         "detail": "startTime: must be HH:mm", "violations": [{"field": "startTime", "message": "must be HH:mm"}]}"""));
        responses.addApiResponse("403", problem("The caller's roles never allow this command", """
                {"type": "about:blank", "title": "Not allowed", "status": 403,
                 "detail": "Only a scheduler or a provider may send ConfirmAppointment."}"""));
        responses.addApiResponse("404", problem("No such appointment, or not the caller's (the same answer)", """
                {"type": "about:blank", "title": "Not Found", "status": 404,
                 "detail": "There is no appointment 5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11."}"""));
        responses.addApiResponse("409", problem(
                "With Prefer: wait, refused for the state of things: "
                        + "SLOT_UNAVAILABLE, ILLEGAL_TRANSITION or CHANGED_CONCURRENTLY",
                """
                        {"type": "about:blank", "title": "Not possible in the appointment's state", "status": 409,
                         "detail": "A CANCELLED appointment can't be cancelled.", "reason": "ILLEGAL_TRANSITION",
                         "requestId": "cancel-43"}"""));
        responses.addApiResponse("422",
                problem("With Prefer: wait, any other refusal (OUTSIDE_SCHEDULE, "
                        + "TOO_SHORT_NOTICE, ...); or, with or without it, a requestId used before for another command "
                        + "(DUPLICATE_REQUEST_ID)", """
                                {"type": "about:blank", "title": "Command refused", "status": 422,
                                 "detail": "The provider does not work at that time.", "reason": "OUTSIDE_SCHEDULE",
                                 "requestId": "move-7"}"""));
        responses.addApiResponse("413", problem("The command would make a queue message over the SQS limit", null));
        responses.addApiResponse("503", problem("The command could not be queued; try again", null));
        operation.setResponses(responses);
        return operation;
    }

    private static void describe(Parameter parameter) {
        switch (parameter.getName()) {
            case CommandSubmissions.IDEMPOTENCY_KEY -> parameter.description("The command's requestId: 1 to 128 of "
                    + "A-Za-z0-9._:- (a quoted string is taken too). The same key again has one effect and the same "
                    + "answer. Else the body's requestId; else a new one.")
                .example("cancel-42");
            case PreferWait.PREFER ->
                parameter.description("wait=N (seconds, at most 20): answer with the outcome " + "instead of 202")
                    .example("wait=10");
            default -> {
            }
        }
    }

    private static ApiResponse json(String description, String example) {
        return new ApiResponse().description(description)
            .content(
                    new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().type("object"))
                        .examples(Map.of("example", new Example().value(example)))));
    }

    private static ApiResponse problem(String description, String example) {
        MediaType media = new MediaType().schema(new Schema<>().type("object"));
        if (example != null) {
            media.examples(Map.of("example", new Example().value(example)));
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM, media));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

}
