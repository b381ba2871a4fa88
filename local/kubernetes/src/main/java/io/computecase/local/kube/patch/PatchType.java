package io.computecase.local.kube.patch;

import java.util.Locale;

/** The PATCH content types the API server accepts. */
public enum PatchType {
  JSON_PATCH("application/json-patch+json"),
  MERGE("application/merge-patch+json"),
  STRATEGIC_MERGE("application/strategic-merge-patch+json"),
  APPLY("application/apply-patch+yaml");

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  public static PatchType of(String contentType) {
    String type =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    for (PatchType patchType : values()) {
      if (patchType.mediaType.equals(type)) {
        return patchType;
      }
    }
    if (type.equals("application/apply-patch+json")
        || type.equals("application/apply-patch+cbor")) {
      return APPLY;
    }
    throw new UnsupportedPatchException(
        "the body of a PATCH must be one of application/json-patch+json,"
            + " application/merge-patch+json, application/strategic-merge-patch+json or"
            + " application/apply-patch+yaml; got Content-Type \""
            + contentType
            + "\"");
  }

  /** Thrown for a PATCH whose Content-Type is none of the supported patch types. */
  public static final class UnsupportedPatchException extends RuntimeException {
    public UnsupportedPatchException(String message) {
      super(message);
    }
  }
}
