package io.computecase.operator.testing;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;

/**
 * The mock API server's CRUD dispatcher, plus the one review a CRUD store cannot answer: JOSDK asks
 * (SelfSubjectRulesReview) whether it may use Leases before electing a leader, and a real API
 * server grants that to the operator's role.
 */
final class TestingKubernetesDispatcher extends KubernetesCrudDispatcher {
  TestingKubernetesDispatcher() {
    super(List.of());
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    if (request.getPath().startsWith("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
      var review =
          new SelfSubjectRulesReviewBuilder()
              .withNewMetadata()
              .endMetadata()
              .withNewStatus()
              .addNewResourceRule()
              .withApiGroups("coordination.k8s.io")
              .withResources("leases")
              .withVerbs("*")
              .endResourceRule()
              .withIncomplete(false)
              .endStatus()
              .build();
      return new MockResponse().setResponseCode(201).setBody(Serialization.asJson(review));
    }
    return super.handleCreate(request);
  }
}
