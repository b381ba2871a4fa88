package io.computecase.local.sfn.query;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JSONata expression parsed once. The engine object keeps per-evaluation state (its current
 * environment), so each evaluation runs on a cheap copy sharing the parsed tree and a clean
 * environment: safe from many threads, and no binding leaks from one evaluation into the next.
 */
final class JsonataProgram {
  private static final int MAX_CACHED = 20_000;

  /**
   * A runaway expression (an endless tail-recursive function) must not hold an engine thread
   * forever; past these bounds it fails like any other evaluation error. The bound is wall-clock
   * time, so it also counts garbage-collection pauses and a starved CPU: at 3 s, trivial
   * expressions of a million-item Map failed on a loaded 2-core machine (its full collections of a
   * 2 GB heap took seconds). 10 s still ends a runaway soon.
   */
  private static final long RUNTIME_LIMIT_MILLIS = 10_000;

  private static final int MAX_DEPTH = 5_000;
  private static final ConcurrentHashMap<String, JsonataProgram> CACHE = new ConcurrentHashMap<>();
  private static final MethodHandle COPY = copyConstructor();

  /** Marks "nothing" (JSONata's undefined), distinct from JSON null. */
  static final Object UNDEFINED = new Object();

  private final String source;
  private final Jsonata parsed;
  private final JsonataReferences references;
  private final StatesPath path;
  private volatile Jsonata existence;

  private JsonataProgram(String source, Jsonata parsed) {
    this.source = source;
    this.parsed = parsed;
    this.references = JsonataReferences.of(source);
    this.path = StatesPath.of(source);
  }

  /** The program for {@code source} (without delimiters); JException when it does not parse. */
  static JsonataProgram of(String source) {
    JsonataProgram program = CACHE.get(source);
    if (program == null) {
      program = new JsonataProgram(source, parse(source));
      if (CACHE.size() >= MAX_CACHED) {
        CACHE.clear();
      }
      CACHE.put(source, program);
    }
    return program;
  }

  String source() {
    return source;
  }

  /**
   * The value of a program that only names fields of $states, read from the JSON without the
   * engine; null when the program is another kind of expression or only the engine can tell.
   */
  JsonNode readDirectly(QueryScope scope) {
    return path == null ? null : path.read(scope);
  }

  /** Evaluates with $states and the variables it mentions bound; {@link #UNDEFINED} for nothing. */
  Object evaluate(JsonataBindings scope) {
    Map<String, Object> bindings = scope.resolve(references);
    Object result = run(parsed, bindings);
    if (result != null) {
      return result;
    }
    // The engine reports both null and nothing as null; ask whether a value exists to tell them
    // apart.
    return Boolean.TRUE.equals(run(existence(), bindings)) ? Jsonata.NULL_VALUE : UNDEFINED;
  }

  private Jsonata existence() {
    Jsonata check = existence;
    if (check == null) {
      check = parse("$exists((" + source + "\n))");
      existence = check;
    }
    return check;
  }

  /**
   * The engine evaluates every expression on a per-thread scratch instance (the last one built on
   * that thread) and rewrites its environment while doing so; keep a copy taken before any
   * evaluation, whose environment is the clean one, and copy from it.
   */
  private static Jsonata parse(String source) {
    Jsonata program = Jsonata.jsonata(source);
    StatesJsonataFunctions.registerOn(program);
    return copy(program);
  }

  private static Object run(Jsonata program, Map<String, Object> bindings) {
    Jsonata copy = copy(program);
    Jsonata.Frame frame = copy.createFrame();
    frame.setRuntimeBounds(RUNTIME_LIMIT_MILLIS, MAX_DEPTH);
    for (Map.Entry<String, Object> binding : bindings.entrySet()) {
      frame.bind(binding.getKey(), binding.getValue());
    }
    return copy.evaluate(null, frame);
  }

  private static Jsonata copy(Jsonata program) {
    try {
      return (Jsonata) COPY.invokeExact(program);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot copy a parsed JSONata expression", e);
    }
  }

  private static MethodHandle copyConstructor() {
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.privateLookupIn(Jsonata.class, MethodHandles.lookup());
      return lookup.findConstructor(
          Jsonata.class, MethodType.methodType(void.class, Jsonata.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
