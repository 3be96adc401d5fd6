// The registry azd pushes the host image to (`dotnet publish -t:PublishContainer`, no Docker needed). No admin user:
// the container app pulls with the host identity (AcrPull), azd pushes with the deploying user's Entra ID token.
param name string
param location string
param tags object

@description('Name of the host identity (same resource group); it gets AcrPull here and nothing else.')
param identityName string

@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param skuName string = 'Basic'

var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

resource identityAcrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPull)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
  }
}

output name string = registry.name
output loginServer string = registry.properties.loginServer
