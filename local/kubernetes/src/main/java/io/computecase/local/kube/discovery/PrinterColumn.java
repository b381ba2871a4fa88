package io.computecase.local.kube.discovery;

/** One additionalPrinterColumn of a CRD version (or a built-in kind's column). */
public record PrinterColumn(
    String name, String type, String format, String description, int priority, String jsonPath) {}
