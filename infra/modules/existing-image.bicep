// The image the host app runs now, so that `azd provision` on an existing deployment keeps the image `azd deploy`
// put there instead of going back to the placeholder. A module of its own because a template cannot read a resource
// it also deploys.
param name string

@description('True when the app exists (azd: SERVICE_HOST_RESOURCE_EXISTS).')
param exists bool

resource app 'Microsoft.App/containerApps@2025-07-01' existing = if (exists) {
  name: name
}

output image string = exists ? app!.properties.template!.containers![0].image! : ''
