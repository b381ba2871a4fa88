{{- /*
The operator's permissions, listed verb by verb (no wildcards): what JOSDK's informers need to watch
its resources, what the reconcilers write, and nothing more.
*/ -}}
{{- define "computecase.operatorRules" -}}
- apiGroups: ["computecase.io"]
  resources: ["computecases", "computetargets"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["computecase.io"]
  resources: ["computecases/status", "computetargets/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["computecase.io"]
  resources: ["computecases/finalizers", "computetargets/finalizers"]
  verbs: ["update"]
# itemsFrom.configMapKeyRef: the operator reads datasets, never writes them.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
# The worker Deployments of ComputeTargets.
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
# A ComputeTarget with autoscaling gets a ScaledObject whenever KEDA's CRD exists, which the
# operator detects itself; on a cluster without KEDA this grant names a type that does not exist.
- apiGroups: ["keda.sh"]
  resources: ["scaledobjects"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
{{- end }}
