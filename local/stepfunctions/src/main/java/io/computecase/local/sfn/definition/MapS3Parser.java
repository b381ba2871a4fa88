package io.computecase.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.query.QueryLanguage;
import io.computecase.local.sfn.states.MapItemReader;
import io.computecase.local.sfn.states.MapResultWriter;
import io.computecase.local.sfn.states.NumberSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses a Distributed Map's ItemReader and ResultWriter, the fields that read its items from S3
 * and export its results there, with AWS's diagnostics for what cannot run.
 */
final class MapS3Parser {
  private static final String PREFIX = "arn:aws:states:::s3:";
  private static final Map<String, Character> DELIMITERS =
      Map.of("COMMA", ',', "PIPE", '|', "SEMICOLON", ';', "SPACE", ' ', "TAB", '\t');
  private static final long MAX_ITEMS_LIMIT = 100_000_000L;

  private final Diagnostics diagnostics;
  private final FieldReader read;

  MapS3Parser(Diagnostics diagnostics, FieldReader read) {
    this.diagnostics = diagnostics;
    this.read = read;
  }

  /** The ItemReader, or null when absent or malformed (a diagnostic then says why). */
  MapItemReader itemReader(
      JsonNode map, QueryLanguage language, boolean distributed, String location) {
    JsonNode node = map.get("ItemReader");
    if (node == null) {
      return null;
    }
    String at = location + "/ItemReader";
    if (!distributed) {
      diagnostics.schema(
          "The field 'ItemReader' is only supported for a Map state in DISTRIBUTED mode", at);
      return null;
    }
    for (String items : List.of("Items", "ItemsPath")) {
      if (map.has(items)) {
        diagnostics.schema(
            "The fields 'ItemReader' and '" + items + "' cannot both be set",
            location + "/" + items);
      }
    }
    if (!node.isObject()) {
      diagnostics.schema("The value for the field 'ItemReader' must be an OBJECT", at);
      return null;
    }
    checkFields(node, at, "Resource", "Parameters", "Arguments", "ReaderConfig");
    String action = action(node, at, List.of("getObject", "listObjectsV2"));
    JsonNode arguments = arguments(node, language, at);
    JsonNode config = node.path("ReaderConfig");
    String configAt = at + "/ReaderConfig";
    if (node.has("ReaderConfig") && !config.isObject()) {
      diagnostics.schema("The value for the field 'ReaderConfig' must be an OBJECT", configAt);
      return null;
    }
    checkFields(
        config,
        configAt,
        "InputType",
        "CSVHeaderLocation",
        "CSVHeaders",
        "CSVDelimiter",
        "MaxItems",
        "MaxItemsPath",
        "Transformation",
        "ManifestType",
        "ItemsPointer");
    if (action == null) {
      return null;
    }
    String inputType = inputType(config, action, configAt);
    if (arguments != null) {
      required(arguments, "Bucket", at);
      if (action.equals(MapItemReader.GET_OBJECT)) {
        required(arguments, "Key", at);
      }
    }
    List<String> headers = csvHeaders(config, inputType, configAt);
    char delimiter = delimiter(config, inputType, configAt);
    NumberSource maxItems = read.number(config, "MaxItems", configAt, 0);
    if (maxItems != null
        && maxItems.literal() != null
        && (maxItems.literal() > MAX_ITEMS_LIMIT
            || maxItems.literal() != Math.rint(maxItems.literal()))) {
      diagnostics.schema(
          "The value for the field 'MaxItems' must be an integer from 0 to " + MAX_ITEMS_LIMIT,
          configAt + "/MaxItems");
    }
    return new MapItemReader(action, arguments, inputType, headers, delimiter, maxItems);
  }

  /** The ResultWriter, or null when absent or malformed (a diagnostic then says why). */
  MapResultWriter resultWriter(
      JsonNode map, QueryLanguage language, boolean distributed, String location) {
    JsonNode node = map.get("ResultWriter");
    if (node == null) {
      return null;
    }
    String at = location + "/ResultWriter";
    if (!distributed) {
      diagnostics.schema(
          "The field 'ResultWriter' is only supported for a Map state in DISTRIBUTED mode", at);
      return null;
    }
    if (!node.isObject()) {
      diagnostics.schema("The value for the field 'ResultWriter' must be an OBJECT", at);
      return null;
    }
    checkFields(node, at, "Resource", "Parameters", "Arguments", "WriterConfig");
    String argumentsField = language == QueryLanguage.JSONATA ? "Arguments" : "Parameters";
    boolean exports = node.has("Resource") || node.has(argumentsField);
    if (!exports && !node.has("WriterConfig")) {
      diagnostics.schema(
          "The field 'ResultWriter' must have 'Resource' and '"
              + argumentsField
              + "', 'WriterConfig', or all three",
          at);
      return null;
    }
    JsonNode arguments = null;
    if (exports) {
      if (action(node, at, List.of("putObject")) == null) {
        return null;
      }
      arguments = arguments(node, language, at);
      if (arguments != null) {
        required(arguments, "Bucket", at);
      }
    }
    JsonNode config = node.path("WriterConfig");
    String configAt = at + "/WriterConfig";
    if (node.has("WriterConfig") && !config.isObject()) {
      diagnostics.schema("The value for the field 'WriterConfig' must be an OBJECT", configAt);
      return null;
    }
    checkFields(config, configAt, "Transformation", "OutputType");
    String transformation =
        oneOf(
            config,
            "Transformation",
            configAt,
            List.of("NONE", "COMPACT", "FLATTEN"),
            exports ? "NONE" : "COMPACT");
    String outputType = oneOf(config, "OutputType", configAt, List.of("JSON", "JSONL"), "JSON");
    return new MapResultWriter(arguments, transformation, outputType);
  }

  private String action(JsonNode node, String at, List<String> actions) {
    JsonNode resource = node.get("Resource");
    List<String> arns = new ArrayList<>();
    actions.forEach(action -> arns.add(PREFIX + action));
    if (resource == null || !resource.isTextual()) {
      diagnostics.schema("The field 'Resource' is required and must be a STRING", at + "/Resource");
      return null;
    }
    if (!arns.contains(resource.textValue())) {
      diagnostics.schema(
          "The value for the field 'Resource' must be one of "
              + arns
              + ", but was '"
              + resource.textValue()
              + "'",
          at + "/Resource");
      return null;
    }
    return resource.textValue().substring(PREFIX.length());
  }

  /** Parameters for JSONPath, Arguments for JSONata, each checked as such a template is. */
  private JsonNode arguments(JsonNode node, QueryLanguage language, String at) {
    boolean jsonata = language == QueryLanguage.JSONATA;
    String field = jsonata ? "Arguments" : "Parameters";
    String other = jsonata ? "Parameters" : "Arguments";
    if (node.has(other)) {
      diagnostics.schema(
          jsonata
              ? "The field 'Parameters' is not supported for states whose QueryLanguage is JSONata"
              : "The field 'Arguments' is only supported for states whose QueryLanguage is JSONata",
          at + "/" + other);
    }
    JsonNode arguments = node.get(field);
    if (arguments == null) {
      diagnostics.schema("The field '" + field + "' is required", at + "/" + field);
      return null;
    }
    if (jsonata) {
      read.jsonataTemplate(node, field, at);
      if (!arguments.isObject() && !read.isJsonata(arguments)) {
        diagnostics.schema(
            "The value for the field 'Arguments' must be an OBJECT or a JSONata expression",
            at + "/Arguments");
        return null;
      }
    } else {
      read.template(node, field, at);
      if (!arguments.isObject()) {
        diagnostics.schema(
            "The value for the field 'Parameters' must be an OBJECT", at + "/Parameters");
        return null;
      }
    }
    return arguments;
  }

  /** A field of Parameters (or its {@code .$} form) or of an Arguments object. */
  private void required(JsonNode arguments, String field, String at) {
    if (arguments.isObject() && !arguments.has(field) && !arguments.has(field + ".$")) {
      diagnostics.schema("The field '" + field + "' is required", at + "/" + field);
    }
  }

  private String inputType(JsonNode config, String action, String at) {
    JsonNode value = config.get("InputType");
    if (config.has("ManifestType") || config.has("Transformation") || config.has("ItemsPointer")) {
      String field =
          config.has("ManifestType")
              ? "ManifestType"
              : config.has("Transformation") ? "Transformation" : "ItemsPointer";
      diagnostics.schema(
          "The local engine does not support the ReaderConfig field '" + field + "'",
          at + "/" + field);
    }
    if (action.equals(MapItemReader.LIST_OBJECTS)) {
      if (value != null) {
        diagnostics.schema(
            "The field 'InputType' is not supported for the resource"
                + " 'arn:aws:states:::s3:listObjectsV2'",
            at + "/InputType");
      }
      return null;
    }
    if (value == null) {
      diagnostics.schema(
          "The field 'InputType' is required for the resource 'arn:aws:states:::s3:getObject'",
          at + "/InputType");
      return null;
    }
    String type = value.asText();
    if (type.equals("PARQUET")) {
      diagnostics.schema(
          "The local engine does not read the InputType 'PARQUET'; use JSON, JSONL, CSV or"
              + " MANIFEST",
          at + "/InputType");
      return null;
    }
    if (!value.isTextual() || !List.of("JSON", "JSONL", "CSV", "MANIFEST").contains(type)) {
      diagnostics.schema(
          "The value for the field 'InputType' must be one of [CSV, JSON, JSONL, PARQUET,"
              + " MANIFEST]",
          at + "/InputType");
      return null;
    }
    return type;
  }

  private List<String> csvHeaders(JsonNode config, String inputType, String at) {
    boolean csv = "CSV".equals(inputType);
    for (String field : List.of("CSVHeaderLocation", "CSVHeaders", "CSVDelimiter")) {
      if (!csv && config.has(field)) {
        diagnostics.schema(
            "The field '" + field + "' is only supported when 'InputType' is CSV",
            at + "/" + field);
      }
    }
    if (!csv) {
      return null;
    }
    String location =
        oneOf(config, "CSVHeaderLocation", at, List.of("FIRST_ROW", "GIVEN"), "FIRST_ROW");
    JsonNode headers = config.get("CSVHeaders");
    if (!"GIVEN".equals(location)) {
      if (headers != null) {
        diagnostics.schema(
            "The field 'CSVHeaders' is only supported when 'CSVHeaderLocation' is GIVEN",
            at + "/CSVHeaders");
      }
      return null;
    }
    if (headers == null || !headers.isArray() || headers.isEmpty()) {
      diagnostics.schema(
          "The field 'CSVHeaders' is required when 'CSVHeaderLocation' is GIVEN, as a non-empty"
              + " array of strings",
          at + "/CSVHeaders");
      return null;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode header : headers) {
      if (!header.isTextual()) {
        diagnostics.schema(
            "The field 'CSVHeaders' must be an array of strings", at + "/CSVHeaders");
        return null;
      }
      names.add(header.textValue());
    }
    return names;
  }

  private char delimiter(JsonNode config, String inputType, String at) {
    if (!"CSV".equals(inputType)) {
      return ',';
    }
    String name =
        oneOf(
            config,
            "CSVDelimiter",
            at,
            List.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"),
            "COMMA");
    return DELIMITERS.getOrDefault(name, ',');
  }

  private String oneOf(
      JsonNode config, String field, String at, List<String> values, String fallback) {
    JsonNode value = config.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual() || !values.contains(value.textValue())) {
      diagnostics.schema(
          "The value for the field '" + field + "' must be one of " + values, at + "/" + field);
      return fallback;
    }
    return value.textValue();
  }

  private void checkFields(JsonNode node, String at, String... allowed) {
    if (!node.isObject()) {
      return;
    }
    List<String> known = List.of(allowed);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        diagnostics.schema("Field '" + name + "' is not supported", at + "/" + name);
      }
    }
  }
}
