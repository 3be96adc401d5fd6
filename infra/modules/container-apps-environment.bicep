// Container Apps environment with the serverless Consumption workload profile only (billed per use, scales to
// zero); console and system logs go to Log Analytics. The environment's
// managed OpenTelemetry agent (appInsightsConfiguration/openTelemetryConfiguration) exists only in preview API
// versions, so it is not used: the host exports telemetry itself (APPLICATIONINSIGHTS_CONNECTION_STRING, or an OTLP
// collector given as otlpEndpoint).
param name string
param location string
param tags object
param logAnalyticsName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    zoneRedundant: false
  }
}

output id string = environment.id
output name string = environment.name
output defaultDomain string = environment.properties.defaultDomain
