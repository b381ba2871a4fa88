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
