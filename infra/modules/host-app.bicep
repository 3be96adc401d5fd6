// The TSS host (functions/Tss.Host, ASP.NET Core on port 8080) as a container app behind HTTPS ingress. Beside the
// Functions app it runs role Portal (Host__Role): only the portal, on the same storage — no REST/SOAP, no queue
// listeners, no Durable worker — so it has no queue scale rule and HTTP alone wakes it. With role All or Api it is
// the whole local host (REST/SOAP and the queue listeners of every pipeline stage), woken also by visible messages on
// the stage queues; what follows applies to those roles.
//
// Durable timers and scale to zero. A lot's waits (first poll after max(15 s, tMed), the 105 back-off, 108/109/656
// blocks) are Durable Task timers: messages on the task hub's control queues with a visibility delay, read by the
// Durable worker in this process. Those queues have no scale rule here (a delayed message would keep a replica alive
// under KEDA's default "all" count): a replica that is alive serves timers as they fall due, and a timer that falls
// due while the app is at zero is served at the next wake-up (an API call, a new document, a stage message). No
// timer is lost; it is late by at most the quiet period.
// - The stage rules ask for "visibleonly": tss-assemble carries the short gathering-window delay, which must not
//   count. Where KEDA is older the cost is a replica kept alive for a few seconds, nothing worse.
// Leased (in-flight) messages are invisible too, so a replica can be scaled in while it handles one: the lease lapses
// and another replica handles the message again (at-least-once delivery, idempotent handlers).
param name string

@description('What the host serves (Host__Role): Portal beside the Functions app; All or Api to run the whole pipeline here.')
@allowed([
  'All'
  'Api'
  'Portal'
])
param role string = 'Portal'

param location string
param tags object

@description('Tag value azd finds the service by (azd-service-name).')
param serviceName string

param containerAppsEnvironmentId string
@description('Name of the host identity (same resource group).')
param identityName string
param registryLoginServer string
param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param keyVaultUri string
param applicationInsightsName string

@description('Queues whose visible messages wake the app and add replicas.')
param stageQueues string[]

@description('Image to run; empty runs the placeholder until `azd deploy` publishes the host.')
param image string = ''

@description('OTLP collector for traces, metrics and logs (OTEL_EXPORTER_OTLP_ENDPOINT); empty sends telemetry to Application Insights only.')
param otlpEndpoint string = ''

@description('Durable task hub of this app\'s local engine: not the Functions app\'s, a task hub is served by one kind of worker.')
param taskHub string = 'tsshost'

@minValue(1)
@maxValue(300)
param maxReplicas int = 10

@description('Visible messages per replica before another replica is added.')
param messagesPerReplica int = 20

@description('Seconds the app stays up after its last scale-rule activity; long enough for an ordinary lot\'s timers.')
param cooldownPeriod int = 600

var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'
var port = 8080

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var telemetryEnv = empty(otlpEndpoint)
  ? []
  : [
      {
        name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
        value: otlpEndpoint
      }
    ]

var queueRules = [
  for queue in stageQueues: {
    name: 'queue-${queue}'
    custom: {
      type: 'azure-queue'
      identity: identity.id
      metadata: {
        accountName: storageAccountName
        queueName: queue
        queueLength: string(messagesPerReplica)
        queueLengthStrategy: 'visibleonly'
      }
    }
  }
]

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: containerAppsEnvironmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryLoginServer
          identity: identity.id
        }
      ]
      secrets: [
        {
          name: 'appinsights-connection-string'
          value: applicationInsights.properties.ConnectionString
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'host'
          image: empty(image) ? placeholderImage : image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(
            [
              {
                name: 'ASPNETCORE_HTTP_PORTS'
                value: string(port)
              }
              {
                // The ingress terminates TLS: the host takes the scheme and client address from X-Forwarded-*.
                name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
                value: 'true'
              }
              {
                name: 'AZURE_CLIENT_ID'
                value: identity.properties.clientId
              }
              {
                name: 'Host__Role'
                value: role
              }
              {
                name: 'Durable__TaskHub'
                value: taskHub
              }
              {
                name: 'Storage__Mode'
                value: 'ManagedIdentity'
              }
              {
                name: 'Storage__ManagedIdentityClientId'
                value: identity.properties.clientId
              }
              {
                name: 'Storage__AccountName'
                value: storageAccountName
              }
              {
                name: 'Storage__BlobServiceUri'
                value: blobEndpoint
              }
              {
                name: 'Storage__QueueServiceUri'
                value: queueEndpoint
              }
              {
                name: 'Storage__TableServiceUri'
                value: tableEndpoint
              }
              {
                name: 'Certificates__Store'
                value: 'KeyVault'
              }
              {
                name: 'Certificates__KeyVaultUri'
                value: keyVaultUri
              }
              {
                name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
                secretRef: 'appinsights-connection-string'
              }
              {
                name: 'OTEL_SERVICE_NAME'
                value: 'tss-host'
              }
            ],
            telemetryEnv
          )
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/health/live'
                port: port
              }
              periodSeconds: 2
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/health/live'
                port: port
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health/ready'
                port: port
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: maxReplicas
        cooldownPeriod: cooldownPeriod
        pollingInterval: 30
        rules: concat(
          [
            {
              name: 'http'
              http: {
                metadata: {
                  concurrentRequests: '50'
                }
              }
            }
          ],
          role == 'Portal' ? [] : queueRules
        )
      }
    }
  }
}

output name string = app.name
output uri string = 'https://${app.properties.configuration!.ingress!.fqdn}'
