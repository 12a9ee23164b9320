package dev.appointments.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import software.amazon.awscdk.assertions.Template;

/**
 * Reads a synthesised template as plain maps: finds resources by type and name, and
 * resolves the intrinsic functions CDK writes for ARNs into the ARNs they stand for, with
 * {@code A} as the account.
 */
@SuppressWarnings("unchecked")
public final class TemplateJson {

    private final Map<String, Map<String, Object>> resources;

    private final String region;

    public TemplateJson(Template template, String region) {
        this.resources = (Map<String, Map<String, Object>>) template.toJSON().get("Resources");
        this.region = region;
    }

    /** Logical id to properties of every resource of the type. */
    public Map<String, Map<String, Object>> ofType(String type) {
        return resources.entrySet()
            .stream()
            .filter(entry -> type.equals(entry.getValue().get("Type")))
            .collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> (Map<String, Object>) entry.getValue().getOrDefault("Properties", Map.of()), (a, b) -> a,
                    LinkedHashMap::new));
    }

    /** The whole resource (type, properties, policies) of that logical id. */
    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = resources.get(logicalId);
        if (resource == null) {
            throw new NoSuchElementException("No resource " + logicalId);
        }
        return resource;
    }

    public Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resource(logicalId).getOrDefault("Properties", Map.of());
    }

    /** The logical id of the resource of that type whose property has that value. */
    public String idOf(String type, String property, Object value) {
        return ofType(type).entrySet()
            .stream()
            .filter(entry -> value.equals(entry.getValue().get(property)))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new NoSuchElementException("No " + type + " with " + property + "=" + value));
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} points at. */
    public static String target(Object reference) {
        Map<String, Object> map = (Map<String, Object>) reference;
        if (map.containsKey("Ref")) {
            return (String) map.get("Ref");
        }
        return (String) ((List<Object>) map.get("Fn::GetAtt")).get(0);
    }

    /**
     * The string an ARN expression stands for: queue and table ARNs by their names,
     * pseudo parameters filled in.
     */
    public String resolve(Object expression) {
        if (expression instanceof String text) {
            return text;
        }
        Map<String, Object> function = (Map<String, Object>) expression;
        if (function.containsKey("Ref")) {
            return switch ((String) function.get("Ref")) {
                case "AWS::Partition" -> "aws";
                case "AWS::AccountId" -> "A";
                case "AWS::Region" -> region;
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> "${" + function.get("Ref") + "}";
            };
        }
        if (function.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) function.get("Fn::Join");
            return ((List<Object>) join.get(1)).stream()
                .map(this::resolve)
                .collect(Collectors.joining((String) join.get(0)));
        }
        if (function.containsKey("Fn::GetAtt")) {
            List<Object> getAtt = (List<Object>) function.get("Fn::GetAtt");
            String id = (String) getAtt.get(0);
            Map<String, Object> resource = resource(id);
            Map<String, Object> properties = properties(id);
            if ("Arn".equals(getAtt.get(1))) {
                return switch ((String) resource.get("Type")) {
                    case "AWS::SQS::Queue" -> "arn:aws:sqs:" + region + ":A:" + properties.get("QueueName");
                    case "AWS::DynamoDB::GlobalTable" ->
                        "arn:aws:dynamodb:" + region + ":A:table/" + properties.get("TableName");
                    default -> "arn-of:" + id;
                };
            }
            if ("QueueName".equals(getAtt.get(1))) {
                return (String) properties.get("QueueName");
            }
            return id + "." + getAtt.get(1);
        }
        throw new IllegalArgumentException("Cannot resolve " + expression);
    }

}
