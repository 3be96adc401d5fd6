// The Azure Functions app (functions/Tss.Functions, .NET isolated worker) on Flex Consumption (FC1): REST and SOAP
// HTTP triggers, Durable Functions (the lot, event-batch, delivery and MD-e orchestrations on the Azure Storage
// backend, task hub `taskHub`), queue triggers for the stage queues and timers for the history purge and the MD-e
// re-arm. AzureWebJobsStorage is identity-based (service URIs + the user-assigned identity; the account refuses shared
// keys), the deployment package lives in a blob container of the same account, reached with the same identity.
param name string
param location string
param tags object

@description('Tag value azd finds the service by (azd-service-name).')
param serviceName string

@description('Name of the Functions identity (same resource group): storage and Key Vault data-plane roles are assigned here.')
param identityName string
param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param keyVaultName string
param keyVaultUri string
param applicationInsightsName string

@description('Durable task hub (Azure rules: 3–45 letters or digits, a letter first); the local host\'s default is the same.')
param taskHub string = 'tss'

@description('Blob container of the deployment package (Flex Consumption deploys from storage).')
param deploymentContainer string = 'app-package'

@description('OTLP collector for the worker\'s traces, metrics and logs (OTEL_EXPORTER_OTLP_ENDPOINT); empty sends them to Application Insights only.')
param otlpEndpoint string = ''

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

// Functions host storage (AzureWebJobsStorage): blob leases and the deployment package (Blob Data Owner, as the host
// requires), Durable's control/work-item queues and the stage queues, Durable's history and instance tables and the
// product's tables. Key Vault: read certificates (Certificate User), their private keys and the entities' secrets
// (webhook secret, NFC-e CSC; Secrets User) — read only: the portal host writes them.
var storageRoles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]
var vaultRoles = [
  'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba' // Key Vault Certificate User
  '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: account
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
  properties: {
    publicAccess: 'None'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(account.id, identity.id, roleId)
    scope: account
    properties: {
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource vaultRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in vaultRoles: {
    name: guid(vault.id, identity.id, roleId)
    scope: vault
    properties: {
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var otlpSettings = empty(otlpEndpoint)
  ? []
  : [
      {
        name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
        value: otlpEndpoint
      }
    ]

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': serviceName
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(
        [
          // Functions host storage, identity-based: no connection string, no key.
          {
            name: 'AzureWebJobsStorage__blobServiceUri'
            value: blobEndpoint
          }
          {
            name: 'AzureWebJobsStorage__queueServiceUri'
            value: queueEndpoint
          }
          {
            name: 'AzureWebJobsStorage__tableServiceUri'
            value: tableEndpoint
          }
          {
            name: 'AzureWebJobsStorage__credential'
            value: 'managedidentity'
          }
          {
            name: 'AzureWebJobsStorage__clientId'
            value: identity.properties.clientId
          }
          {
            name: 'AZURE_CLIENT_ID'
            value: identity.properties.clientId
          }
          // The product's own clients: same account, same identity.
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
            name: 'Durable__TaskHub'
            value: taskHub
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
            name: 'Certificates__ManagedIdentityClientId'
            value: identity.properties.clientId
          }
          // Application Insights: the host's own telemetry, and the worker's through the Azure Monitor exporter.
          {
            name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
            value: applicationInsights.properties.ConnectionString
          }
          {
            name: 'OTEL_SERVICE_NAME'
            value: 'tss-functions'
          }
        ],
        otlpSettings
      )
    }
  }
  dependsOn: [
    packageContainer
    storageRoleAssignments
    vaultRoleAssignments
  ]
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
output taskHub string = taskHub
