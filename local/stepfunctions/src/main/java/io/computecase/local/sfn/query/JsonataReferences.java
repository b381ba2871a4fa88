package io.computecase.local.sfn.query;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables an expression mentions and which parts of $states it reads. JSONata has no way to
 * reach a variable by a computed name, so binding only these is exact.
 */
record JsonataReferences(
    Set<String> variables,
    boolean readsInput,
    boolean readsContext,
    boolean readsResult,
    boolean readsErrorOutput) {

  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

  boolean readsStates() {
    return readsInput || readsContext || readsResult || readsErrorOutput;
  }

  static JsonataReferences of(String source) {
    Set<String> variables = new LinkedHashSet<>();
    boolean input = false;
    boolean context = false;
    boolean result = false;
    boolean errorOutput = false;
    Matcher matcher = VARIABLE.matcher(source);
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!name.equals("states")) {
        variables.add(name);
        continue;
      }
      String rest = source.substring(matcher.end()).stripLeading();
      if (rest.startsWith(".input")) {
        input = true;
      } else if (rest.startsWith(".context")) {
        context = true;
      } else if (rest.startsWith(".result")) {
        result = true;
      } else if (rest.startsWith(".errorOutput")) {
        errorOutput = true;
      } else {
        input = context = result = errorOutput = true;
      }
    }
    return new JsonataReferences(Set.copyOf(variables), input, context, result, errorOutput);
  }
}
