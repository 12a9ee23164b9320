package dev.appointments.faults.drive;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mutates a JSON body the way careless or hostile producers do: fields missing or of the
 * wrong type, huge strings, impossible dates, unicode oddities, deep nesting, unknown
 * types, extra fields, duplicate keys, cut-off or non-JSON text. Every result is text SQS
 * accepts (only the characters its API allows). A requestId is only ever removed or made
 * invalid, never changed into another valid one, so that an outcome can be traced back to
 * its message.
 */
public final class Mutations {

    public static final List<String> NAMES = List.of("drop field", "wrong type", "huge string", "bad date or time",
            "unicode", "deep nesting", "cut off", "not JSON", "unknown type", "extra fields", "duplicate key",
            "bad requestId", "bad number", "patient junk");

    private static final JsonMapper JSON = Commands.json();

    private static final String DEEP = "__deeply nested__";

    private static final List<String> ODD_TEXT = List.of("\u202Eevil\u202C", "\u200B\u200B", "Zoë 🩺 Ångström",
            "\uD83D\uDE00".repeat(50), "'; DROP TABLE appointments; --", "<script>alert(1)</script>", "${jndi:x}",
            "%s%n%x", "\t\r\n", "\\u0000", " ", "", "null", "NaN", "١٢:٣٠", "09:30\u0000");

    private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "yesterday", "", "01/12/2026",
            "2026-1-1", "+999999999-12-31", "2026-12-01T09:30", "0000-00-00", "2026-W49-1");

    private static final List<String> BAD_TIMES = List.of("25:00", "09:61", "9:30", "09:30:00.000000001", "noon", "",
            "-01:00", "09:07", "24:00", "09h30");

    private Mutations() {
    }

    /**
     * One to three mutations of a command.
     * @return the body, and the names of the mutations applied
     */
    public static Mutated mutate(ObjectNode command, Random random) {
        ObjectNode body = command.deepCopy();
        List<String> applied = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        String text = null;
        for (int i = 0; i < count; i++) {
            int which = random.nextInt(NAMES.size());
            applied.add(NAMES.get(which));
            switch (which) {
                case 0 -> remove(body, random);
                case 1 -> body.set(field(body, random, false), wrongType(random));
                case 2 -> body.put(field(body, random, false), "A".repeat(10_000 + random.nextInt(150_000)));
                case 3 -> badDateOrTime(body, random);
                case 4 -> body.put(field(body, random, false), ODD_TEXT.get(random.nextInt(ODD_TEXT.size())));
                case 5 -> body.put(field(body, random, true), DEEP);
                case 6 -> text = cut(JSON.writeValueAsString(body), random);
                case 7 -> text = garbage(random);
                case 8 -> body.put("type", List
                    .of("TeleportAppointment", "requestappointment", "", "RequestAppointment ", "ConfirmAppointment",
                            "CancelAppointment")
                    .get(random.nextInt(6)));
                case 9 -> {
                    body.put("x-extra-" + random.nextInt(1000), "surprise");
                    body.putObject("patientId2").put("nested", true);
                }
                case 10 -> text = duplicateKey(JSON.writeValueAsString(body), random);
                case 11 -> badRequestId(body, random);
                case 12 -> body.set("durationMinutes", List
                    .<JsonNode>of(JSON.getNodeFactory().numberNode(-15), JSON.getNodeFactory().numberNode(100_000),
                            JSON.getNodeFactory().numberNode(12.5), JSON.getNodeFactory().stringNode("30"),
                            JSON.getNodeFactory().numberNode(Long.MAX_VALUE), JSON.getNodeFactory().numberNode(0))
                    .get(random.nextInt(6)));
                default -> patientJunk(body, random);
            }
            if (text != null) {
                break;
            }
        }
        String json = text != null ? text : JSON.writeValueAsString(body);
        // Written as text: Jackson's own writer refuses nesting beyond 500 levels, which
        // is what this tests.
        return new Mutated(json.replace("\"" + DEEP + "\"", nested(random.nextInt(3) == 0 ? 1500 : 40)), applied);
    }

    private static String field(ObjectNode body, Random random, boolean includeRequestId) {
        List<String> names = new ArrayList<>(body.propertyNames());
        if (!includeRequestId) {
            names.remove("requestId");
        }
        names.add("notes");
        return names.get(random.nextInt(names.size()));
    }

    private static void remove(ObjectNode body, Random random) {
        List<String> names = new ArrayList<>(body.propertyNames());
        if (!names.isEmpty()) {
            body.remove(names.get(random.nextInt(names.size())));
        }
    }

    private static JsonNode wrongType(Random random) {
        var nodes = JSON.getNodeFactory();
        return switch (random.nextInt(6)) {
            case 0 -> nodes.numberNode(random.nextInt());
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.arrayNode().add("a").add(1);
            case 3 -> nodes.objectNode().put("value", "x");
            case 4 -> nodes.nullNode();
            default -> nodes.numberNode(random.nextDouble() * 1e300);
        };
    }

    private static void badDateOrTime(ObjectNode body, Random random) {
        if (random.nextBoolean()) {
            body.put("appointmentDate", BAD_DATES.get(random.nextInt(BAD_DATES.size())));
        }
        else {
            body.put("startTime", BAD_TIMES.get(random.nextInt(BAD_TIMES.size())));
        }
    }

    private static String nested(int depth) {
        return "[{\"n\":".repeat(depth / 2) + "\"deep\"" + "}]".repeat(depth / 2);
    }

    private static String cut(String json, Random random) {
        return json.substring(0, random.nextInt(Math.max(1, json.length() - 1)));
    }

    private static String garbage(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(300);
        for (int i = 0; i < length; i++) {
            int c;
            do {
                c = random.nextInt(0x3000);
            }
            while (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c < 0xD800)));
            text.append((char) c);
        }
        return text.toString();
    }

    private static String duplicateKey(String json, Random random) {
        String key = random.nextBoolean() ? "\"type\":\"CancelAppointment\"," : "\"appointmentDate\":\"1999-01-01\",";
        return "{" + key + json.substring(1);
    }

    private static void badRequestId(ObjectNode body, Random random) {
        var nodes = JSON.getNodeFactory();
        String current = body.path("requestId").asString("");
        switch (random.nextInt(6)) {
            case 0 -> body.put("requestId", current + " with spaces");
            case 1 -> body.put("requestId", current + "-" + "r".repeat(200));
            case 2 -> body.put("requestId", "");
            case 3 -> body.set("requestId", nodes.arrayNode().add(current));
            case 4 -> body.set("requestId", nodes.nullNode());
            default -> body.put("requestId", current + "/é/🙂");
        }
    }

    private static void patientJunk(ObjectNode body, Random random) {
        if (!body.has("patient") || !body.get("patient").isObject()) {
            body.put("patient", "Ada Lovelace");
            return;
        }
        ObjectNode patient = (ObjectNode) body.get("patient");
        switch (random.nextInt(5)) {
            case 0 -> patient.put("email", "not-an-email");
            case 1 -> patient.put("dateOfBirth", "2999-01-01");
            case 2 -> patient.put("phone", "call me maybe");
            case 3 -> patient.put("firstName", "x".repeat(5_000));
            default -> body.put("patientId", "both-given");
        }
    }

    /**
     * A mutated body.
     *
     * @param body the text to send
     * @param mutations what was done to it
     */
    public record Mutated(String body, List<String> mutations) {
    }

}
