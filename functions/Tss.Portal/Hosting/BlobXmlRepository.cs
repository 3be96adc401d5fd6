using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Tss.Portal.Hosting;

/// <summary>
/// The data-protection key ring (what encrypts the portal's session and antiforgery cookies) on blob storage, one blob
/// per key, so every instance of the host reads the same keys and a session survives a request landing on another
/// replica or a restart. Keys are XML the data-protection system writes once and never changes; a key already stored
/// under the same name is left as it is. The storage account encrypts them at rest; access is the host's identity only.
/// </summary>
public sealed class BlobXmlRepository(BlobContainerClient container) : IXmlRepository
{
    private int _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureContainer();
        var elements = new List<XElement>();
        foreach (var blob in container.GetBlobs())
        {
            var content = container.GetBlobClient(blob.Name).DownloadContent().Value.Content;
            using var stream = content.ToStream();
            elements.Add(XElement.Load(stream));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        EnsureContainer();
        var name = (string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName) + ".xml";
        try
        {
            container.GetBlobClient(name).Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another instance stored this key first (names are the key ids): the stored one stands.
        }
    }

    private void EnsureContainer()
    {
        if (Interlocked.CompareExchange(ref _created, 1, 0) == 0)
        {
            container.CreateIfNotExists();
        }
    }
}
