package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The malformed calls every AWS JSON API must refuse, made from one valid sample request per
 * operation: the body random, truncated, not an object or nested too deep, each member (and one
 * member inside each structure or list) of the wrong JSON type; then unknown operations, a GET, and
 * bodies over the servers' 8 MiB bound, declared and chunked.
 */
final class AwsJsonFuzz {
  /** Past {@code AwsJsonServer.MAX_BODY_BYTES} (8 MiB), the bound of every local AWS server. */
  static final int OVERSIZED_BODY = 8 * 1024 * 1024 + 4096;

  private AwsJsonFuzz() {}

  static List<AwsCall> calls(
      AwsJsonEndpoint api, Map<String, ObjectNode> samples, MalformedBodies bodies) {
    List<AwsCall> calls = new ArrayList<>();
    samples.forEach(
        (operation, sample) -> {
          String target = api.target(operation);
          calls.add(AwsCall.post(operation + " truncated", target, bodies.truncated(sample)));
          calls.add(AwsCall.post(operation + " followed by more JSON", target, sample + " {}"));
          calls.add(
              AwsCall.post(
                  operation + " random bytes",
                  target,
                  bodies.randomBytes(1 + bodies.nextInt(2048))));
          calls.add(
              AwsCall.post(
                  operation + " random text", target, bodies.randomText(1 + bodies.nextInt(512))));
          String notObject = bodies.pick(MalformedBodies.notObjects());
          calls.add(AwsCall.post(operation + " body " + notObject, target, notObject));
          String first = sample.fieldNames().hasNext() ? sample.fieldNames().next() : "x";
          calls.add(
              AwsCall.post(
                  operation + " " + first + " nested too deep",
                  target,
                  MalformedBodies.deepMember(first)));
          wrongTypes(operation, target, sample, bodies, calls);
        });
    String someOperation = samples.keySet().iterator().next();
    for (String unknown :
        List.of(
            api.target("NoSuchOperation"),
            api.target(""),
            api.target(someOperation.toLowerCase(Locale.ROOT)),
            api.target(someOperation + "X"),
            api.target("../" + someOperation),
            api.target("Op" + "e".repeat(4000)),
            "Other_20250101." + someOperation,
            someOperation)) {
      calls.add(AwsCall.post("unknown operation " + abbreviate(unknown), unknown, "{}"));
    }
    calls.add(AwsCall.post("no X-Amz-Target", null, "{}"));
    calls.add(AwsCall.post("GET of an operation", api.target(someOperation), "").withMethod("GET"));
    calls.add(
        AwsCall.post(
            "body over 8 MiB, declared",
            api.target(someOperation),
            MalformedBodies.hugeJsonBody("x", OVERSIZED_BODY)));
    calls.add(
        AwsCall.post(
                "body over 8 MiB, chunked",
                api.target(someOperation),
                MalformedBodies.hugeJsonBody("x", OVERSIZED_BODY))
            .chunkedBody());
    return calls;
  }

  /** The sample with each member in turn, and one member inside each nested value, mistyped. */
  private static void wrongTypes(
      String operation,
      String target,
      ObjectNode sample,
      MalformedBodies bodies,
      List<AwsCall> calls) {
    Iterator<Map.Entry<String, JsonNode>> members = sample.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      ObjectNode mistyped = sample.deepCopy();
      JsonNode wrong = bodies.wrongType(member.getValue());
      mistyped.set(member.getKey(), wrong);
      calls.add(
          AwsCall.post(
              operation + " " + member.getKey() + " as " + MalformedBodies.typeName(wrong),
              target,
              mistyped.toString()));
      JsonNode inner = member.getValue();
      if (inner.isArray() && !inner.isEmpty()) {
        inner = inner.get(0);
      }
      if (inner.isObject() && inner.fieldNames().hasNext()) {
        ObjectNode nested = sample.deepCopy();
        JsonNode parent = nested.get(member.getKey());
        ObjectNode holder = (ObjectNode) (parent.isArray() ? ((ArrayNode) parent).get(0) : parent);
        String innerName = holder.fieldNames().next();
        JsonNode innerWrong = bodies.wrongType(holder.get(innerName));
        holder.set(innerName, innerWrong);
        calls.add(
            AwsCall.post(
                operation
                    + " "
                    + member.getKey()
                    + "."
                    + innerName
                    + " as "
                    + MalformedBodies.typeName(innerWrong),
                target,
                nested.toString()));
      }
    }
  }

  static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text;
  }
}
