namespace Tss.Pipeline.Distribution;

/// <summary>How an outcome is delivered.</summary>
public enum DeliveryChannel
{
    /// <summary>One signed HTTP POST per distribute message, listing its documents.</summary>
    Webhook,
    /// <summary>One e-mail per authorized or denied document, with its procNFe attached.</summary>
    Email,
}
