package io.computecase.local.sfn.query;

import java.util.Map;
import java.util.TreeSet;

/** Every States.* intrinsic AWS supports, by name. */
final class IntrinsicCatalog {
  private static final Map<String, IntrinsicFunction> FUNCTIONS =
      Map.ofEntries(
          Map.entry("States.Format", StringIntrinsics::format),
          Map.entry("States.StringToJson", JsonIntrinsics::stringToJson),
          Map.entry("States.JsonToString", JsonIntrinsics::jsonToString),
          Map.entry("States.Array", ArrayIntrinsics::array),
          Map.entry("States.ArrayPartition", ArrayIntrinsics::partition),
          Map.entry("States.ArrayContains", ArrayIntrinsics::contains),
          Map.entry("States.ArrayRange", ArrayIntrinsics::range),
          Map.entry("States.ArrayGetItem", ArrayIntrinsics::getItem),
          Map.entry("States.ArrayLength", ArrayIntrinsics::length),
          Map.entry("States.ArrayUnique", ArrayIntrinsics::unique),
          Map.entry("States.Base64Encode", EncodingIntrinsics::base64Encode),
          Map.entry("States.Base64Decode", EncodingIntrinsics::base64Decode),
          Map.entry("States.Hash", EncodingIntrinsics::hash),
          Map.entry("States.JsonMerge", JsonIntrinsics::merge),
          Map.entry("States.MathRandom", MathIntrinsics::random),
          Map.entry("States.MathAdd", MathIntrinsics::add),
          Map.entry("States.StringSplit", StringIntrinsics::split),
          Map.entry("States.UUID", StringIntrinsics::uuid));

  private IntrinsicCatalog() {}

  static IntrinsicFunction lookup(String name) {
    return FUNCTIONS.get(name);
  }

  static String names() {
    return String.join(", ", new TreeSet<>(FUNCTIONS.keySet()));
  }
}
