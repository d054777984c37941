{{/* Names and labels. */}}
{{- define "headwater.fullname" -}}
{{- printf "%s-headwater" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "headwater.labels" -}}
app.kubernetes.io/name: headwater
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "headwater.selector" -}}
app.kubernetes.io/name: headwater
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "headwater.image" -}}
{{- printf "%s/headwater-%s:%s" .root.Values.image.registry .name (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{- define "headwater.registryUrl" -}}
{{- if .Values.schemaRegistry.deploy -}}
{{- printf "http://%s-schema-registry:8081" (include "headwater.fullname" .) -}}
{{- else -}}
{{- required "schemaRegistry.url is required when schemaRegistry.deploy is false" .Values.schemaRegistry.url -}}
{{- end -}}
{{- end -}}

{{/* How every service reaches Kafka and the registry: env, secrets as files. */}}
{{- define "headwater.connectionEnv" -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required: the existing cluster's bootstrap address" .Values.kafka.bootstrapServers | quote }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ .Values.kafka.securityProtocol | quote }}
{{- with .Values.kafka.saslMechanism }}
- name: KAFKA_SASL_MECHANISM
  value: {{ . | quote }}
{{- end }}
{{- with .Values.kafka.secretKeys }}
{{- if .jaasConfig }}
- name: KAFKA_SASL_JAAS_CONFIG_FILE
  value: /etc/headwater/kafka/{{ .jaasConfig }}
{{- end }}
{{- if .truststore }}
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /etc/headwater/kafka/{{ .truststore }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PKCS12
{{- end }}
{{- if .truststorePassword }}
- name: KAFKA_SSL_TRUSTSTORE_PASSWORD_FILE
  value: /etc/headwater/kafka/{{ .truststorePassword }}
{{- end }}
{{- if .keystore }}
- name: KAFKA_SSL_KEYSTORE_LOCATION
  value: /etc/headwater/kafka/{{ .keystore }}
- name: KAFKA_SSL_KEYSTORE_TYPE
  value: PKCS12
{{- end }}
{{- if .keystorePassword }}
- name: KAFKA_SSL_KEYSTORE_PASSWORD_FILE
  value: /etc/headwater/kafka/{{ .keystorePassword }}
{{- end }}
{{- end }}
{{- range $key, $value := .Values.kafka.config }}
- name: {{ printf "KAFKA_%s" ($key | upper | replace "." "_" | replace "-" "_") }}
  value: {{ $value | quote }}
{{- end }}
- name: HEADWATER_SCHEMA_REGISTRY_URL
  value: {{ include "headwater.registryUrl" . | quote }}
{{- with .Values.schemaRegistry.secretKeys }}
{{- if .basicAuth }}
- name: HEADWATER_SCHEMA_REGISTRY_BASIC_AUTH_FILE
  value: /etc/headwater/registry/{{ .basicAuth }}
{{- end }}
{{- if .bearerToken }}
- name: HEADWATER_SCHEMA_REGISTRY_BEARER_TOKEN_FILE
  value: /etc/headwater/registry/{{ .bearerToken }}
{{- end }}
{{- if .truststore }}
- name: HEADWATER_SCHEMA_REGISTRY_TRUSTSTORE
  value: /etc/headwater/registry/{{ .truststore }}
{{- end }}
{{- if .truststorePassword }}
- name: HEADWATER_SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD_FILE
  value: /etc/headwater/registry/{{ .truststorePassword }}
{{- end }}
{{- end }}
- name: HEADWATER_AUTH_MODE
  value: keys
- name: HEADWATER_AUTH_SERVICE_KEY_FILE
  value: /etc/headwater/auth/{{ .Values.auth.secretKey }}
{{- if and .Values.schemaRegistry.deploy (not .Values.schemaRegistry.secretKeys.basicAuth) (not .Values.schemaRegistry.secretKeys.bearerToken) }}
# Headwater's own registry takes the shared service key for registering the contract's schemas.
- name: HEADWATER_SCHEMA_REGISTRY_BEARER_TOKEN_FILE
  value: /etc/headwater/auth/{{ .Values.auth.secretKey }}
{{- end }}
- name: QUARKUS_HTTP_HOST
  value: "0.0.0.0"
- name: JAVA_TOOL_OPTIONS
  value: {{ .Values.javaOptions | quote }}
{{- end -}}

{{/* A service's mounts: the Jobs' (below) and the shared service key. */}}
{{- define "headwater.secretMounts" -}}
- name: service-key
  mountPath: /etc/headwater/auth
  readOnly: true
{{ include "headwater.jobMounts" . }}
{{- end -}}

{{- define "headwater.secretVolumes" -}}
- name: service-key
  secret:
    secretName: {{ include "headwater.serviceKeySecret" . }}
{{ include "headwater.jobVolumes" . }}
{{- end -}}

{{/* What the Jobs mount: /tmp and the Kafka and registry Secrets (hooks run before the service key's Secret exists). */}}
{{- define "headwater.jobMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .Values.kafka.existingSecret }}
- name: kafka-secret
  mountPath: /etc/headwater/kafka
  readOnly: true
{{- end }}
{{- if .Values.schemaRegistry.existingSecret }}
- name: registry-secret
  mountPath: /etc/headwater/registry
  readOnly: true
{{- end }}
{{- end -}}

{{- define "headwater.jobVolumes" -}}
- name: tmp
  emptyDir: {}
{{- with .Values.kafka.existingSecret }}
- name: kafka-secret
  secret:
    secretName: {{ . }}
{{- end }}
{{- with .Values.schemaRegistry.existingSecret }}
- name: registry-secret
  secret:
    secretName: {{ . }}
{{- end }}
{{- end -}}

{{- define "headwater.probes" -}}
startupProbe:
  httpGet: {path: /q/health/started, port: http}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /q/health/live, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /q/health/ready, port: http}
  periodSeconds: 5
  failureThreshold: 3
{{- end -}}

{{- define "headwater.podCommon" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "headwater.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "headwater.fullname" .root }}-{{ .component }}
  labels:
    {{- include "headwater.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  minAvailable: {{ .minAvailable }}
  selector:
    matchLabels:
      {{- include "headwater.selector" . | nindent 6 }}
{{- end -}}


{{/* The Secret holding the services' shared key: the user's, or the one this chart makes. */}}
{{- define "headwater.serviceKeySecret" -}}
{{- default (printf "%s-service-key" (include "headwater.fullname" .)) .Values.auth.existingSecret -}}
{{- end -}}

{{/* Each retention class's period, for the topics Job (applies it) and query-service (reports and expires by it). */}}
{{- define "headwater.retentionEnv" -}}
- name: HEADWATER_RETENTION_DECISIONS
  value: {{ .Values.retention.decisions | quote }}
- name: HEADWATER_RETENTION_LINEAGE
  value: {{ .Values.retention.lineage | quote }}
- name: HEADWATER_RETENTION_AUDIT
  value: {{ .Values.retention.audit | quote }}
{{- end -}}
