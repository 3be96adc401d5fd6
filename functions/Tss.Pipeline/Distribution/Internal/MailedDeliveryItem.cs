using MimeKit;
using Tss.Contracts.Delivery;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>An item that may also go by e-mail, with a stored XML attached (the pipeline's document outcomes and events).</summary>
internal abstract class MailedDeliveryItem : DeliveryItem
{
    /// <summary>True when this item is e-mailed (authorized/denied documents, registered events, with their XML stored).</summary>
    public abstract bool HasMail { get; }

    /// <summary>The item's part of its e-mail row key in the delivery log.</summary>
    public abstract string MailRow { get; }

    /// <summary>Blob of the XML to attach, in the procNFe container.</summary>
    public abstract string Blob { get; }

    /// <summary>Error recorded (retryable) when <see cref="Blob"/> is missing.</summary>
    public abstract string MissingXmlError { get; }

    /// <summary>True when the DANFE goes beside the XML (authorized NF-e).</summary>
    public virtual bool WantsDanfe => false;

    /// <param name="danfe">The DANFE PDF, or null (not wanted, or it could not be rendered).</param>
    public abstract MimeMessage Compose(byte[] xml, InternetAddressList to, SmtpOptions smtp, string deliveryId, byte[]? danfe);
}
