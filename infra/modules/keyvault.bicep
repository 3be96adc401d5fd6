// Key Vault for the companies' ICP-Brasil A1 certificates and their secrets (webhook secret, NFC-e CSC) (Certificates__Store=KeyVault). RBAC only (no access
// policies), soft delete with purge protection: a deleted certificate or vault can be recovered for 90 days and
// nobody, the host included, can purge it earlier.
param name string
param location string
param tags object

@description('Name of the host identity (same resource group).')
param identityName string

@description('Optional: the deploying user (azd sets AZURE_PRINCIPAL_ID); gets Key Vault Certificates Officer to import or rotate a certificate by hand.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

// The host reads a certificate with its private key (Certificate User: certificates/read plus getSecret on the
// secret that backs it) and imports the PFX a company uploads in the portal after validating it (password, private
// key, expiry, CNPJ): import is a certificates write only Certificates Officer grants among the built-in roles.
// The host also writes the entities' secrets (webhook HMAC secret, NFC-e CSC: set in the portal, moved out of legacy
// rows at start, a lost migration's version disabled): set and update secrets is Secrets Officer among the built-in
// roles (it includes getSecret, so Secrets User is not assigned too). The Functions app only reads them (Secrets User).
var identityRoles = [
  'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba' // Key Vault Certificate User
  'a4417e6f-fecd-4de8-b567-7b0420556985' // Key Vault Certificates Officer
  'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer
]

var certificatesOfficer = 'a4417e6f-fecd-4de8-b567-7b0420556985'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource identityRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in identityRoles: {
    name: guid(vault.id, identity.id, roleId)
    scope: vault
    properties: {
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource operatorRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(vault.id, principalId, certificatesOfficer)
  scope: vault
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', certificatesOfficer)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
