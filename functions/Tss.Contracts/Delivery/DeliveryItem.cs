using System.Text.Json;

namespace Tss.Contracts.Delivery;

/// <summary>
/// One item of a delivery (a document outcome, an event, an MD-e document): its key in the delivery log and its
/// object in the webhook envelope's array. Items that also go by e-mail are the pipeline's own.
/// </summary>
public abstract class DeliveryItem
{
    /// <summary>The item's key as the delivery log records it (chNFe, event row key, NSU).</summary>
    public abstract string Key { get; }

    /// <summary>Writes the item's fields inside its JSON object (the caller opens and closes the object).</summary>
    /// <param name="publicBaseUrl">The host's public base URL: links are absolute with it, host-relative without.</param>
    public abstract void WriteJson(Utf8JsonWriter json, Uri? publicBaseUrl);

    /// <summary>A link to the host's API: <paramref name="path"/> under <paramref name="publicBaseUrl"/> when set.</summary>
    public static string Link(string path, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(path);
        return publicBaseUrl is null ? path : publicBaseUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/');
    }

    /// <summary>Writes a string or null.</summary>
    protected static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes a number or null.</summary>
    protected static void WriteOrNull(Utf8JsonWriter json, string name, int? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
