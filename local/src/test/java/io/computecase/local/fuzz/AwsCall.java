package io.computecase.local.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One raw request to an AWS JSON API: what it breaks (the label a failure names), its {@code
 * X-Amz-Target} (null: none sent), its body, and whether the body goes chunked, with no declared
 * length.
 */
record AwsCall(String label, String method, String target, byte[] body, boolean chunked) {

  static AwsCall post(String label, String target, byte[] body) {
    return new AwsCall(label, "POST", target, body, false);
  }

  static AwsCall post(String label, String target, String body) {
    return post(label, target, body.getBytes(StandardCharsets.UTF_8));
  }

  AwsCall chunkedBody() {
    return new AwsCall(label, method, target, body, true);
  }

  AwsCall withMethod(String other) {
    return new AwsCall(label, other, target, body, chunked);
  }

  @Override
  public String toString() {
    return label;
  }
}
