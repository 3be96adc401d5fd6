using System.ComponentModel.DataAnnotations;

namespace Tss.Host.Soap;

/// <summary>Limits of the SOAP endpoint (section "Soap").</summary>
public sealed class SoapOptions
{
    public const string Section = "Soap";

    /// <summary>
    /// Largest SOAP request body, refused with 413 before it is parsed (and only read at all once the API key is
    /// accepted). Default 1 MiB + 64 KiB: SEFAZ takes at most 500 KB per lot (enviNFe), and a Submit carries the NF-e
    /// XML escaped as text (each &lt; and &gt; becomes four or five characters: a 500 KB lot grows to about 650 KB), so one
    /// full lot fits with room for the envelope; more documents go in more calls.
    /// </summary>
    [Range(16 * 1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = (1024 + 64) * 1024;
}
