package io.computecase.helm.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read the way the builder reads it: comments dropped, backslash continuations joined,
 * one instruction per entry, grouped into build stages by FROM.
 */
public record DockerfileInstructions(Path file, List<Instruction> instructions) {

  /** One instruction: its upper-case keyword and its arguments as written. */
  public record Instruction(String keyword, String arguments) {}

  /** The instructions from one FROM up to the next. */
  public record Stage(String image, String name, List<Instruction> instructions) {

    public List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }
  }

  public static DockerfileInstructions read(Path file) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed.substring(0, trimmed.length() - 1).strip()).append(' ');
        continue;
      }
      pending.append(trimmed);
      String joined = pending.toString().strip();
      pending.setLength(0);
      if (joined.isEmpty()) {
        continue;
      }
      int space = joined.indexOf(' ');
      String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
      String arguments = space < 0 ? "" : joined.substring(space + 1).strip();
      instructions.add(new Instruction(keyword, arguments));
    }
    return new DockerfileInstructions(file, List.copyOf(instructions));
  }

  public List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  public List<Stage> stages() {
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = null;
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) {
        String[] words = instruction.arguments().split("\\s+");
        List<String> plain = List.of(words).stream().filter(w -> !w.startsWith("--")).toList();
        String name = plain.size() >= 3 && plain.get(1).equalsIgnoreCase("AS") ? plain.get(2) : "";
        current = new ArrayList<>();
        stages.add(new Stage(plain.get(0), name, current));
      } else if (current != null) {
        current.add(instruction);
      }
    }
    return stages.stream()
        .map(s -> new Stage(s.image(), s.name(), List.copyOf(s.instructions())))
        .toList();
  }

  /** The stage that becomes the image. */
  public Stage runtime() {
    List<Stage> stages = stages();
    return stages.get(stages.size() - 1);
  }
}
