{{/* Chart name, overridable. */}}
{{- define "computecase.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name of the operator's resources: release-chart, unless the release already names the chart. */}}
{{- define "computecase.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "computecase.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every resource, without its component. */}}
{{- define "computecase.commonLabels" -}}
helm.sh/chart: {{ include "computecase.chart" . }}
app.kubernetes.io/name: {{ include "computecase.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: computecase
{{- end -}}

{{/* Labels of the operator's resources. */}}
{{- define "computecase.labels" -}}
{{ include "computecase.commonLabels" . }}
app.kubernetes.io/component: operator
{{- end -}}

{{/* Labels that select the operator's pods; never change them after a release, selectors are immutable. */}}
{{- define "computecase.selectorLabels" -}}
app.kubernetes.io/name: {{ include "computecase.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end -}}

{{- define "computecase.operatorServiceAccountName" -}}
{{- if .Values.serviceAccounts.operator.create -}}
{{- default (include "computecase.fullname" .) .Values.serviceAccounts.operator.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccounts.operator.name -}}
{{- end -}}
{{- end -}}

{{- define "computecase.workerServiceAccountName" -}}
{{- if .Values.serviceAccounts.worker.create -}}
{{- default (printf "%s-worker" (include "computecase.fullname" .)) .Values.serviceAccounts.worker.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccounts.worker.name -}}
{{- end -}}
{{- end -}}

{{- define "computecase.operatorImage" -}}
{{- printf "%s:%s" .Values.operator.image.repository (default .Chart.AppVersion .Values.operator.image.tag) -}}
{{- end -}}

{{- define "computecase.workerImage" -}}
{{- printf "%s:%s" .Values.worker.image.repository (default .Chart.AppVersion .Values.worker.image.tag) -}}
{{- end -}}

{{/* Namespaces that get a Role when rbac.scope is namespaced. */}}
{{- define "computecase.roleNamespaces" -}}
{{- if .Values.operator.watchNamespaces -}}
{{- join "," .Values.operator.watchNamespaces -}}
{{- else -}}
{{- .Release.Namespace -}}
{{- end -}}
{{- end -}}

{{/* How defaultTargets are run: ComputeTarget resources, or worker Deployments owned by the chart. */}}
{{- define "computecase.targetsAs" -}}
{{- if ne .Values.targetsAs "auto" -}}
{{- .Values.targetsAs -}}
{{- else if .Files.Get "crds/computetargets.computecase.io-v1.yml" -}}
ComputeTarget
{{- else -}}
Deployment
{{- end -}}
{{- end -}}

{{/* Pod and container hardening shared by the operator and the workers (restricted Pod Security). */}}
{{- define "computecase.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "computecase.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* OTEL_* for a component: export only when a collector is configured; metrics are scraped. */}}
{{- define "computecase.otelEnv" -}}
{{- $ := index . 0 -}}
{{- $service := index . 1 -}}
- name: OTEL_SERVICE_NAME
  value: {{ $service | quote }}
{{- if $.Values.otel.exporterEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ $.Values.otel.exporterEndpoint | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: {{ $.Values.otel.exporterProtocol | quote }}
{{- else }}
- name: OTEL_TRACES_EXPORTER
  value: "none"
- name: OTEL_LOGS_EXPORTER
  value: "none"
{{- end }}
- name: OTEL_METRICS_EXPORTER
  value: "none"
{{- with $.Values.otel.resourceAttributes }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "computecase.targetNames" -}}
{{- $names := list -}}
{{- range .Values.defaultTargets -}}
{{- $names = append $names .name -}}
{{- end -}}
{{- join "," $names -}}
{{- end -}}

{{/*
The prefix of every AWS name of this install (COMPUTECASE_RESOURCE_PREFIX): aws.resourcePrefix, or
the release name. Refused here when AWS could not take it, rather than by the operator at start.
*/}}
{{- define "computecase.resourcePrefix" -}}
{{- $prefix := default .Release.Name .Values.aws.resourcePrefix -}}
{{- if not (regexMatch "^[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?$" $prefix) -}}
{{- fail (printf "The AWS resource prefix %q (aws.resourcePrefix, or the release name when that is empty) must be 1 to 20 lower-case letters, digits or '-', starting and ending with a letter or digit: set aws.resourcePrefix." $prefix) -}}
{{- end -}}
{{- $prefix -}}
{{- end -}}
