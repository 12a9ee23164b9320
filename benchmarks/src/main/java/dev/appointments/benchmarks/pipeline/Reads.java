package dev.appointments.benchmarks.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.appointments.resources.Tables;
import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.TimeWindow;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The query-service's two busiest reads at a fixed number of clients, each beside the
 * DynamoDB call that answers it when nothing is cached, on the same item: GET one
 * appointment against a consistent GetItem, GET a provider's free slots of a day (cached
 * by the service for a few seconds) against the Query of that day's slot locks.
 */
final class Reads {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final DynamoDbClient dynamoDb;

    private final URI queryService;

    private final String token;

    Reads(DynamoDbClient dynamoDb, URI queryService, String token) {
        this.dynamoDb = dynamoDb;
        this.queryService = queryService;
        this.token = token;
    }

    /** Results by name, in the order they ran. */
    Map<String, ClosedLoop.Result> run(String appointmentId, String providerId, LocalDate date,
            BookingCalendar calendar, int clients, Duration duration, Duration warmup) throws Exception {
        HttpRequest appointment = get("/api/appointments/" + appointmentId);
        HttpRequest slots = get("/api/providers/" + providerId + "/slots?date=" + date);
        TimeWindow window = calendar.busyWindow(date);
        Map<String, ClosedLoop.Call> calls = new LinkedHashMap<>();
        calls.put("GET appointment (query-service)", () -> send(appointment));
        calls.put("GetItem appointment (raw)",
                () -> dynamoDb.getItem(get -> get.tableName(Tables.Appointments.NAME)
                    .key(Map.of(Tables.Appointments.ID, AttributeValue.fromS(appointmentId)))
                    .consistentRead(true)));
        calls.put("GET free slots (query-service, cached)", () -> send(slots));
        // The provider's calendar items (one per UTC day, sort key day#<date>) that the
        // day's busy window touches.
        calls.put("Query calendar days of the date (raw)",
                () -> dynamoDb.query(query -> query.tableName(Tables.SlotLocks.NAME)
                    .keyConditionExpression("#provider = :provider AND #slot BETWEEN :from AND :to")
                    .expressionAttributeNames(
                            Map.of("#provider", Tables.SlotLocks.PROVIDER_ID, "#slot", Tables.SlotLocks.SLOT_START))
                    .expressionAttributeValues(Map.of(":provider", AttributeValue.fromS(providerId), ":from",
                            AttributeValue.fromS("day#" + window.from().toString().substring(0, 10)), ":to",
                            AttributeValue.fromS("day#" + window.to().toString().substring(0, 10))))
                    .projectionExpression("#slot")
                    .consistentRead(true)));
        Map<String, ClosedLoop.Result> results = new LinkedHashMap<>();
        for (var call : calls.entrySet()) {
            ClosedLoop.run(call.getValue(), clients, warmup);
            results.put(call.getKey(), ClosedLoop.run(call.getValue(), clients, duration));
        }
        return results;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(queryService.resolve(path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode());
        }
    }

}
