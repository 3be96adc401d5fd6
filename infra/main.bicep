// TSS Functions on Azure: `azd up` provisions this, then publishes functions/Tss.Host as a container image to the
// registry and points the container app at it. Subscription scope, like the azd templates: it creates the resource
// group; every role assignment is made inside it, on a single resource. The SEFAZ simulator is a development tool
// and is never deployed.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Object id of the deploying user (azd sets AZURE_PRINCIPAL_ID); optional. Gets Key Vault Certificates Officer to import certificates by hand.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('True once the host app exists (azd: SERVICE_HOST_RESOURCE_EXISTS); keeps its deployed image on re-provision.')
param hostExists bool = false

@description('OTLP collector endpoint for the host (optional).')
param otlpEndpoint string = ''

var names = loadJsonContent('storage-names.json')
var tags = {
  'azd-env-name': environmentName
}
var token = toLower(uniqueString(subscription().id, environmentName, location))
var identityName = 'id-tss-${token}'
var logAnalyticsName = 'log-${token}'
var applicationInsightsName = 'appi-${token}'
var hostName = 'ca-host-${token}'
var functionsIdentityName = 'id-func-${token}'
var functionsName = 'func-tss-${token}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

// The Functions app's own identity: only the data-plane roles the Functions host and the product need (functions-app.bicep).
module functionsIdentity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: functionsIdentityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: logAnalyticsName
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  dependsOn: [
    identity
  ]
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    queues: names.stageQueues
    tables: names.tables
    containers: names.containers
    identityName: identityName
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  dependsOn: [
    identity
  ]
  params: {
    name: 'kv-${token}'
    location: location
    tags: tags
    identityName: identityName
    principalId: principalId
    principalType: principalType
  }
}

module registry 'modules/registry.bicep' = {
  scope: rg
  dependsOn: [
    identity
  ]
  params: {
    name: 'cr${token}'
    location: location
    tags: tags
    identityName: identityName
  }
}

module environment 'modules/container-apps-environment.bicep' = {
  scope: rg
  dependsOn: [
    monitoring
  ]
  params: {
    name: 'cae-${token}'
    location: location
    tags: tags
    logAnalyticsName: logAnalyticsName
  }
}

module existingImage 'modules/existing-image.bicep' = {
  scope: rg
  params: {
    name: hostName
    exists: hostExists
  }
}

module host 'modules/host-app.bicep' = {
  scope: rg
  dependsOn: [
    identity
    monitoring
  ]
  params: {
    name: hostName
    location: location
    tags: tags
    serviceName: 'host'
    containerAppsEnvironmentId: environment.outputs.id
    identityName: identityName
    registryLoginServer: registry.outputs.loginServer
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    keyVaultUri: keyVault.outputs.uri
    applicationInsightsName: applicationInsightsName
    stageQueues: names.stageQueues
    image: existingImage.outputs.image
    otlpEndpoint: otlpEndpoint
  }
}

// The serverless runtime: REST/SOAP, Durable orchestrations, queue and timer triggers (functions/Tss.Functions).
module functions 'modules/functions-app.bicep' = {
  scope: rg
  dependsOn: [
    functionsIdentity
    monitoring
  ]
  params: {
    name: functionsName
    location: location
    tags: tags
    serviceName: 'functions'
    identityName: functionsIdentityName
    storageAccountName: 'st${token}'
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    keyVaultName: 'kv-${token}'
    keyVaultUri: keyVault.outputs.uri
    applicationInsightsName: applicationInsightsName
    otlpEndpoint: otlpEndpoint
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = environment.outputs.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = environment.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output SERVICE_HOST_NAME string = host.outputs.name
output SERVICE_HOST_URI string = host.outputs.uri
output AZURE_FUNCTIONS_MANAGED_IDENTITY_CLIENT_ID string = functionsIdentity.outputs.clientId
output SERVICE_FUNCTIONS_NAME string = functions.outputs.name
output SERVICE_FUNCTIONS_URI string = functions.outputs.uri
