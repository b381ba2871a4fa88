package io.computecase.local.kube;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubectlSmokeTest {
  @TempDir Path dir;

  @Test
  void smoke() throws Exception {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.builder().build()) {
      Kubectl kubectl = new Kubectl(k8s.writeKubeconfig(dir.resolve("kubeconfig")));
      String res = "src/test/resources/kubectl/";
      System.out.println(kubectl.run("version"));
      System.out.println(kubectl.run("api-resources"));
      System.out.println(kubectl.run("apply", "-f", res + "computecases-crd.yaml"));
      System.out.println(kubectl.run("apply", "-f", res + "computecase.yaml"));
      System.out.println(kubectl.run("get", "computecases"));
      System.out.println(kubectl.run("get", "cc", "demo", "-o", "yaml"));
      System.out.println(kubectl.run("describe", "cc", "demo"));
      System.out.println(kubectl.run("explain", "computecase.spec"));
      System.out.println(kubectl.run("apply", "-f", res + "deployment.yaml"));
      System.out.println(kubectl.run("scale", "deployment", "workers", "--replicas=3"));
      System.out.println(kubectl.run("get", "deploy"));
      System.out.println(kubectl.run("get", "ns"));
      System.out.println(kubectl.run("delete", "cc", "demo"));
      System.out.println(kubectl.run("get", "cc"));
    }
  }
}
