package io.computecase.local.stack;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsRequest;

/**
 * The input shape of every SQS operation, read from the AWS SDK v2 model classes: each operation of
 * {@link SqsClient} takes an {@code <Operation>Request} whose {@code sdkFields()} give each
 * member's JSON name and type, and, through their list, map and structure traits, those of the
 * values inside. An SDK upgrade that adds an operation or a member brings it here; nothing is
 * listed by hand.
 *
 * <p>Each shape reads its own JSON value from a streaming parser and refuses one of the wrong type
 * as SQS does ({@code SerializationException}), so a request is checked without building a tree and
 * without keeping its strings.
 */
final class SqsShapes {
  /** The member that carries a batch operation's entries, which SQS refuses empty. */
  static final String BATCH_ENTRIES = "Entries";

  private final Map<String, Operation> operations;

  private SqsShapes(Map<String, Operation> operations) {
    this.operations = Map.copyOf(operations);
  }

  /** The shapes of every operation of the SDK's {@link SqsClient}. */
  static SqsShapes fromSdkModel() {
    Map<String, Operation> operations = new TreeMap<>();
    for (var method : SqsClient.class.getMethods()) {
      if (method.getParameterCount() != 1
          || !SqsRequest.class.isAssignableFrom(method.getParameterTypes()[0])) {
        continue;
      }
      Class<?> requestType = method.getParameterTypes()[0];
      String name = requestType.getSimpleName().replaceFirst("Request$", "");
      operations.computeIfAbsent(
          name, op -> Operation.of(op, structure(newBuilder(requestType), new HashSet<>())));
    }
    if (operations.isEmpty()) {
      throw new IllegalStateException("The AWS SDK's SqsClient names no operation");
    }
    return new SqsShapes(operations);
  }

  /** The operation of that name, or null when SQS has none. */
  Operation operation(String name) {
    return operations.get(name);
  }

  Set<String> operationNames() {
    return operations.keySet();
  }

  /** One SQS operation: its name, its input and, for a batch operation, its entries' type. */
  record Operation(String name, Structure input, String entryType) {
    static Operation of(String name, Structure input) {
      Shape entries = input.members().get(BATCH_ENTRIES);
      String entryType =
          entries instanceof ListOf list && list.member() instanceof Structure entry
              ? entry.name()
              : null;
      return new Operation(name, input, entryType);
    }

    /** True for the operations whose entries SQS refuses empty (EmptyBatchRequest). */
    boolean batch() {
      return entryType != null;
    }
  }

  /** The JSON a member's value must be. */
  interface Shape {
    /**
     * Reads the value whose first token is the parser's current one (never {@code null}: SQS reads
     * a null member as an absent one), through its last token.
     *
     * @return for a list the number of its elements, else 0
     */
    int read(JsonParser json) throws IOException, SqsRefusal;
  }

  /** A JSON scalar of one kind. */
  record Scalar(Kind kind) implements Shape {
    @Override
    public int read(JsonParser json) throws IOException, SqsRefusal {
      kind.read(json);
      return 0;
    }
  }

  /** A JSON array, each element of one shape. */
  record ListOf(Shape member) implements Shape {
    @Override
    public int read(JsonParser json) throws IOException, SqsRefusal {
      if (json.currentToken() != JsonToken.START_ARRAY) {
        throw mistyped(json, "a List");
      }
      int count = 0;
      for (JsonToken token = json.nextToken();
          token != JsonToken.END_ARRAY;
          token = json.nextToken()) {
        if (token == JsonToken.VALUE_NULL) {
          throw SqsRefusal.serialization("A List member cannot be null" + at(json));
        }
        member.read(json);
        count++;
      }
      return count;
    }
  }

  /** A JSON object of any keys, each value of one shape. */
  record MapOf(Shape value) implements Shape {
    @Override
    public int read(JsonParser json) throws IOException, SqsRefusal {
      if (json.currentToken() != JsonToken.START_OBJECT) {
        throw mistyped(json, "a Map");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        if (json.nextToken() == JsonToken.VALUE_NULL) {
          throw SqsRefusal.serialization("A Map value cannot be null" + at(json));
        }
        value.read(json);
      }
      return 0;
    }
  }

  /**
   * A JSON object of named members, each of its own shape. A member SQS does not know is skipped,
   * as SQS skips it.
   */
  record Structure(String name, Map<String, Shape> members, List<String> required)
      implements Shape {
    @Override
    public int read(JsonParser json) throws IOException, SqsRefusal {
      readCounting(json, null);
      return 0;
    }

    /**
     * Reads the object and returns the number of elements of the list member {@code counted}: -1
     * when it is absent or null.
     */
    int readCounting(JsonParser json, String counted) throws IOException, SqsRefusal {
      if (json.currentToken() != JsonToken.START_OBJECT) {
        throw mistyped(json, "a " + name);
      }
      int count = -1;
      int requiredSeen = 0; // one bit per required member, in the order of required
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String member = json.currentName();
        if (json.nextToken() == JsonToken.VALUE_NULL) {
          continue;
        }
        int requiredIndex = required.indexOf(member);
        if (requiredIndex >= 0) {
          requiredSeen |= 1 << requiredIndex;
        }
        Shape shape = members.get(member);
        if (shape == null) {
          json.skipChildren();
        } else if (member.equals(counted)) {
          count = shape.read(json);
        } else {
          shape.read(json);
        }
      }
      for (int i = 0; i < required.size(); i++) {
        if ((requiredSeen & (1 << i)) == 0) {
          throw SqsRefusal.missingParameter(required.get(i), at(json));
        }
      }
      return count;
    }
  }

  /** The JSON scalars of the SDK's marshalling types, with the names SQS's errors give them. */
  enum Kind {
    STRING("a String") {
      @Override
      boolean accepts(JsonParser json) {
        return json.currentToken() == JsonToken.VALUE_STRING;
      }
    },
    INTEGER("an Integer") {
      @Override
      boolean accepts(JsonParser json) throws IOException {
        return json.currentToken() == JsonToken.VALUE_NUMBER_INT
            && json.getNumberType() == JsonParser.NumberType.INT;
      }
    },
    LONG("a Long") {
      @Override
      boolean accepts(JsonParser json) throws IOException {
        return json.currentToken() == JsonToken.VALUE_NUMBER_INT
            && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
      }
    },
    NUMBER("a Double") {
      @Override
      boolean accepts(JsonParser json) {
        return json.currentToken().isNumeric();
      }
    },
    BOOLEAN("a Boolean") {
      @Override
      boolean accepts(JsonParser json) {
        return json.currentToken().isBoolean();
      }
    },
    /** Bytes, as base64 text (a message attribute's BinaryValue). */
    BLOB("a ByteBuffer") {
      @Override
      boolean accepts(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
          return false;
        }
        try {
          json.getBinaryValue();
          return true;
        } catch (JsonParseException | IllegalArgumentException notBase64) {
          return false;
        }
      }
    },
    /** Epoch seconds, or a date in text. */
    TIMESTAMP("a Date") {
      @Override
      boolean accepts(JsonParser json) {
        return json.currentToken().isNumeric() || json.currentToken() == JsonToken.VALUE_STRING;
      }
    },
    /** Any JSON (a document member). */
    ANY("a Document") {
      @Override
      boolean accepts(JsonParser json) throws IOException {
        json.skipChildren();
        return true;
      }
    };

    private final String article;

    Kind(String article) {
      this.article = article;
    }

    abstract boolean accepts(JsonParser json) throws IOException;

    void read(JsonParser json) throws IOException, SqsRefusal {
      if (!accepts(json)) {
        throw mistyped(json, article);
      }
    }

    static Kind of(MarshallingType<?> type) {
      if (type == MarshallingType.STRING) {
        return STRING;
      } else if (type == MarshallingType.INTEGER
          || type == MarshallingType.SHORT
          || type == MarshallingType.BYTE) {
        return INTEGER;
      } else if (type == MarshallingType.LONG) {
        return LONG;
      } else if (type == MarshallingType.FLOAT
          || type == MarshallingType.DOUBLE
          || type == MarshallingType.BIG_DECIMAL) {
        return NUMBER;
      } else if (type == MarshallingType.BOOLEAN) {
        return BOOLEAN;
      } else if (type == MarshallingType.SDK_BYTES) {
        return BLOB;
      } else if (type == MarshallingType.INSTANT) {
        return TIMESTAMP;
      } else if (type == MarshallingType.DOCUMENT) {
        return ANY;
      }
      throw new IllegalStateException("No JSON reading of the SDK's marshalling type " + type);
    }
  }

  /**
   * SQS's own wording ({@code STRING_VALUE can not be converted to an Integer}), and where in the
   * request the value stood.
   */
  private static SqsRefusal mistyped(JsonParser json, String expected) {
    return SqsRefusal.serialization(
        tokenName(json.currentToken()) + " can not be converted to " + expected + at(json));
  }

  private static String at(JsonParser json) {
    String pointer = json.getParsingContext().pathAsPointer().toString();
    return pointer.isEmpty() ? "" : " (at " + pointer + ")";
  }

  private static String tokenName(JsonToken token) {
    switch (token) {
      case VALUE_STRING:
        return "STRING_VALUE";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "NUMBER_VALUE";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "BOOLEAN_VALUE";
      default:
        return token.name();
    }
  }

  private static Shape shape(SdkField<?> field, Set<Class<?>> visiting) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      return new ListOf(shape(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), visiting));
    } else if (type == MarshallingType.MAP) {
      return new MapOf(shape(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), visiting));
    } else if (type == MarshallingType.SDK_POJO) {
      return structure((SdkPojo) field.constructor().get(), visiting);
    }
    return new Scalar(Kind.of(type));
  }

  private static Structure structure(SdkPojo builder, Set<Class<?>> visiting) {
    Class<?> type = builder.getClass();
    if (!visiting.add(type)) {
      // SQS's model has no recursive structure; an SDK that brings one needs a lazy shape here
      throw new IllegalStateException("Recursive SQS structure " + type.getName());
    }
    Map<String, Shape> members = new HashMap<>();
    for (SdkField<?> field : builder.sdkFields()) {
      members.put(field.locationName(), shape(field, visiting));
    }
    visiting.remove(type);
    String name = pojoName(builder);
    return new Structure(name, Map.copyOf(members), SqsRequiredMembers.of(name));
  }

  /** {@code SendMessageBatchRequestEntry} for its builder: the builders are nested in the pojos. */
  private static String pojoName(SdkPojo builder) {
    Class<?> enclosing = builder.getClass().getEnclosingClass();
    return (enclosing != null ? enclosing : builder.getClass()).getSimpleName();
  }

  private static SdkPojo newBuilder(Class<?> requestType) {
    try {
      return (SdkPojo) requestType.getMethod("builder").invoke(null);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read the SDK model of " + requestType.getName(), e);
    }
  }
}
