package io.computecase.local.kube.auth;

import java.util.Set;

/**
 * Decides which requests the API server serves: those carrying its bearer token, and the few paths
 * a real kube-apiserver shows to anyone (its system:public-info-viewer role). Everything else is
 * answered 401 Unauthorized, as a kube-apiserver with anonymous requests turned off answers.
 */
public final class RequestAuthentication {

  private static final Set<String> PUBLIC_PATHS =
      Set.of("/healthz", "/livez", "/readyz", "/version", "/version/");

  private final BearerToken token;

  public RequestAuthentication(BearerToken token) {
    this.token = token;
  }

  /** Whether a request for {@code path} (no query) with this Authorization header is served. */
  public boolean admits(String path, String authorization) {
    if (authorization != null) {
      // a credential that fails is refused even on a public path, as kube-apiserver refuses it
      return token.matches(authorization);
    }
    return PUBLIC_PATHS.contains(path);
  }
}
