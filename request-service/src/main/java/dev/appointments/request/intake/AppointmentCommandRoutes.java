package dev.appointments.request.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The routes of {@link AppointmentCommandController}, one per command about an
 * appointment, and their description in the OpenAPI document: the controller has one
 * handler for all of them, which springdoc would list as one path with an
 * {@code {action}} variable; this lists each route as a path of its own, with its summary
 * and body.
 */
@Component
class AppointmentCommandRoutes implements OpenApiCustomizer {

    /** The last segments of the routes, as the handler's mapping matches them. */
    static final String ACTIONS = "reschedule|cancel|confirm|decline|complete|no-show";

    private static final String BASE = "/api/appointments/{appointmentId}/";

    /**
     * How a route is described.
     *
     * @param bodyExample the body's example, or none when the command has no fields
     * besides the path's (the body is then described as any JSON, which the handler takes
     * and checks)
     */
    private record Route(CommandKind kind, String operationId, String summary, String description, boolean bodyRequired,
            String bodyExample) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route(CommandKind.RESCHEDULE, "reschedule",
                    "Move an appointment to another time with the same provider (RescheduleAppointment)",
                    "For the appointment's patient and schedulers. The appointment keeps its id and goes back to "
                            + "REQUESTED unless the provider confirms automatically. 409 SLOT_UNAVAILABLE when the "
                            + "new time is taken.",
                    true, """
                            {"appointmentDate": "2026-12-02", "startTime": "10:00", "durationMinutes": 30}"""),
            new Route(CommandKind.CANCEL, "cancel", "Cancel a requested or confirmed appointment (CancelAppointment)",
                    "For the appointment's patient and schedulers; frees the slot. The reason is optional.", false, """
                            {"reason": "feeling better"}"""),
            new Route(CommandKind.CONFIRM, "confirm", "Accept a requested appointment (ConfirmAppointment)",
                    "For the appointment's provider and schedulers. No body.", false, null),
            new Route(CommandKind.DECLINE, "decline", "Refuse a requested appointment (DeclineAppointment)",
                    "For the appointment's provider and schedulers; frees the slot. The reason is optional and shown "
                            + "to the patient.",
                    false, """
                            {"reason": "the practice is closed that day"}"""),
            new Route(CommandKind.COMPLETE, "complete", "Mark a confirmed appointment as held (CompleteAppointment)",
                    "For the appointment's provider and schedulers. No body.", false, null),
            new Route(CommandKind.NO_SHOW, "noShow",
                    "Mark a confirmed appointment as missed by the patient (MarkNoShow)",
                    "For the appointment's provider and schedulers. No body.", false, null));

    AppointmentCommandRoutes() {
        Set<String> described = ROUTES.stream().map(route -> route.kind().action()).collect(Collectors.toSet());
        Set<String> mapped = Set.of(ACTIONS.split("\\|"));
        Set<String> commands = Arrays.stream(CommandKind.values())
            .filter(CommandKind::aboutAnAppointment)
            .map(CommandKind::action)
            .collect(Collectors.toSet());
        if (!described.equals(mapped) || !mapped.equals(commands)) {
            throw new IllegalStateException("The routes " + mapped + ", their descriptions " + described
                    + " and the commands about an appointment " + commands + " must be the same");
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Paths paths = openApi.getPaths();
        PathItem shared = paths == null ? null : paths.remove(BASE + "{action}");
        if (shared == null || shared.getPost() == null) {
            return;
        }
        Operation template = shared.getPost();
        for (Route route : ROUTES) {
            Operation operation = new Operation().tags(template.getTags())
                .operationId(route.operationId())
                .summary(route.summary())
                .description(route.description())
                .parameters(template.getParameters())
                .responses(template.getResponses())
                .requestBody(route.bodyExample() == null ? template.getRequestBody() : body(route));
            paths.addPathItem(BASE + route.kind().action(), new PathItem().post(operation));
        }
    }

    private static RequestBody body(Route route) {
        Schema<Object> object = new Schema<>();
        object.addType("object");
        RequestBody body = new RequestBody().content(new Content().addMediaType("application/json",
                new MediaType().schema(object).example(example(route.bodyExample()))));
        return route.bodyRequired() ? body.required(true) : body;
    }

    /**
     * As swagger reads an annotation's example: a tree of its own JSON library, which
     * keeps the fields' order.
     */
    private static Object example(String json) {
        try {
            return Json.mapper().readTree(json);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("An example body is not JSON: " + json, ex);
        }
    }

}
