package dev.appointments.deploy.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appointments.deploy.SynthesizedStacks;
import dev.appointments.deploy.TemplateJson;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task roles grant exactly the policies that api-security/README.md publishes: the
 * README is read here, so a change to either side fails this test until the other
 * follows. Permissions are compared as "action resource" pairs, so how statements are
 * grouped does not matter.
 */
@SuppressWarnings("unchecked")
class TaskRolesTemplateTests {

    private static final String REGION = SynthesizedStacks.REGION;

    private final TemplateJson template = new TemplateJson(SynthesizedStacks.singleRegion(), REGION);

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void taskRoleGrantsExactlyThePolicyOfTheSecurityReadme(AppointmentService service) throws IOException {
        assertThat(permissions(template, service)).isEqualTo(readmePolicy(service, knownArns(template)));
    }

    @Test
    void queryServiceCannotWriteAnyTable() {
        assertThat(permissions(template, AppointmentService.QUERY))
            .noneMatch(permission -> permission.matches("dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem) .*"))
            .contains("dynamodb:GetItem " + table(Tables.Appointments.NAME));
    }

    @Test
    void reminderServiceCannotTouchTheRequestsQueueNorWriteAppointments() {
        Set<String> permissions = permissions(template, AppointmentService.REMINDER);
        assertThat(permissions).noneMatch(permission -> permission.endsWith(":" + Queues.APPOINTMENT_REQUESTS));
        assertThat(permissions).noneMatch(permission -> permission.startsWith("dynamodb:PutItem ")
                && permission.endsWith("table/" + Tables.Appointments.NAME));
    }

    @Test
    void noServiceMayScanCreateOrDeleteResourcesOrActOnEverything() {
        for (AppointmentService service : AppointmentService.values()) {
            assertThat(permissions(template, service)).as(service.serviceName())
                .noneMatch(permission -> permission.matches(
                        "(dynamodb:(Scan|CreateTable|DeleteTable)|sqs:(CreateQueue|DeleteQueue|PurgeQueue|SetQueueAttributes)) .*"))
                .noneMatch(permission -> permission.endsWith(" *") || permission.contains("*:"));
        }
    }

    @Test
    void passiveRegionGrantsTheSameActionsOnItsOwnReplicas() throws IOException {
        String passiveRegion = SynthesizedStacks.REPLICA_REGION;
        TemplateJson passive = new TemplateJson(SynthesizedStacks.passive(), passiveRegion);
        Set<String> permissions = permissions(passive, AppointmentService.REQUEST);
        assertThat(permissions).contains("dynamodb:PutItem arn:aws:dynamodb:" + passiveRegion + ":A:table/appointments",
                "sqs:ReceiveMessage arn:aws:sqs:" + passiveRegion + ":A:appointment-requests");
        assertThat(permissions).allMatch(permission -> permission.contains(":" + passiveRegion + ":"));
    }

    /**
     * "action resource" pairs of the service's task role, found through its task
     * definition.
     */
    static Set<String> permissions(TemplateJson template, AppointmentService service) {
        String taskDefinition = template.idOf("AWS::ECS::TaskDefinition", "Family", service.serviceName());
        String role = TemplateJson.target(template.properties(taskDefinition).get("TaskRoleArn"));
        Set<String> permissions = new TreeSet<>();
        template.ofType("AWS::IAM::Policy")
            .values()
            .stream()
            .filter(policy -> ((List<Object>) policy.get("Roles")).stream()
                .anyMatch(reference -> role.equals(TemplateJson.target(reference))))
            .flatMap(policy -> ((List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument"))
                .get("Statement")).stream())
            .forEach(statement -> {
                assertThat(statement.get("Effect")).isEqualTo("Allow");
                for (Object action : list(statement.get("Action"))) {
                    for (Object resource : list(statement.get("Resource"))) {
                        permissions.add(action + " " + template.resolve(resource));
                    }
                }
            });
        return permissions;
    }

    /**
     * The README's policy of the service, its wildcards expanded over the ARNs the stack
     * defines.
     */
    private static Set<String> readmePolicy(AppointmentService service, List<String> knownArns) throws IOException {
        JsonNode policy = readmePolicies().get(service);
        assertThat(policy).as("policy of " + service.serviceName() + " in api-security/README.md").isNotNull();
        Set<String> permissions = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            for (String action : strings(statement.get("Action"))) {
                for (String resource : strings(statement.get("Resource"))) {
                    String arn = resource.replace("${R}", REGION).replace("${A}", "A");
                    List<String> matches = knownArns.stream()
                        .filter(known -> glob(arn).matcher(known).matches())
                        .toList();
                    if (arn.contains("*") && !matches.isEmpty()) {
                        matches.forEach(match -> permissions.add(action + " " + match));
                    }
                    else {
                        permissions.add(action + " " + arn);
                    }
                }
            }
        }
        return permissions;
    }

    private static Map<AppointmentService, JsonNode> readmePolicies() throws IOException {
        String readme = Files.readString(Path.of("..", "api-security", "README.md"));
        // "**<service>**: <prose>" and then the first json block before the next
        // service's heading.
        Matcher blocks = Pattern
            .compile("\\*\\*([a-z-]+)\\*\\*:(?:(?!\\*\\*[a-z-]+\\*\\*:).)*?```json\\n(.*?)```", Pattern.DOTALL)
            .matcher(readme);
        Map<AppointmentService, JsonNode> policies = new EnumMap<>(AppointmentService.class);
        ObjectMapper json = new ObjectMapper();
        while (blocks.find()) {
            for (AppointmentService service : AppointmentService.values()) {
                if (service.serviceName().equals(blocks.group(1))) {
                    policies.put(service, json.readTree(blocks.group(2)));
                }
            }
        }
        return policies;
    }

    private static List<String> knownArns(TemplateJson template) {
        List<String> arns = new ArrayList<>();
        template.ofType("AWS::SQS::Queue")
            .values()
            .forEach(queue -> arns.add("arn:aws:sqs:" + REGION + ":A:" + queue.get("QueueName")));
        template.ofType("AWS::DynamoDB::GlobalTable")
            .values()
            .forEach(table -> arns.add("arn:aws:dynamodb:" + REGION + ":A:table/" + table.get("TableName")));
        return arns;
    }

    private static Pattern glob(String arn) {
        return Pattern.compile(Pattern.quote(arn).replace("*", "\\E.*\\Q"));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        }
        else {
            values.add(node.asText());
        }
        return values;
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> items ? (List<Object>) items : List.of(value);
    }

    private static String table(String name) {
        return "arn:aws:dynamodb:" + REGION + ":A:table/" + name;
    }

}
