package io.computecase.local.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON mapper shared by the local AWS services, configured as AWS's JSON protocols expect. */
public final class AwsJson {
  /** Thread-safe once configured; absent (null) members are left out, as AWS leaves them out. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // a body of one JSON value and then more is not a request, whatever its first value
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private AwsJson() {}
}
