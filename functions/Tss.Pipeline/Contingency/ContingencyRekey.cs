using System.Globalization;
using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Contingency;

/// <summary>
/// Turns an unsigned NF-e into its contingency form (pure, in place): ide/tpEmis (6 SVC-AN, 7 SVC-RS), ide/dhCont (when
/// contingency began, Brasília offset) and ide/xJust after verProc, and a new access key, since tpEmis and cDV are part of
/// it (PROTOCOL.md §5, §9): infNFe@Id and ide/cDV follow. The caller signs afterwards. Back to tpEmis 1 removes dhCont and xJust.
/// </summary>
public static class ContingencyRekey
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    /// <summary>The tpEmis of documents issued through an SVC.</summary>
    public static int TpEmisFor(string via) => via switch
    {
        "SVC-AN" => 6,
        "SVC-RS" => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(via), via, "Only SVC-AN and SVC-RS issue NF-e in contingency."),
    };

    /// <summary>Rewrites the NF-e and returns its new key.</summary>
    /// <exception cref="ArgumentException">The NF-e has no infNFe/ide or no valid key in infNFe@Id, or xJust is not 15–256 characters.</exception>
    public static string Apply(XmlElement nfe, int tpEmis, DateTimeOffset dhCont, string xJust)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        ArgumentNullException.ThrowIfNull(xJust);
        var infNFe = nfe["infNFe", NfeNamespaces.Nfe] ?? throw new ArgumentException("NFe without infNFe.", nameof(nfe));
        var ide = infNFe["ide", NfeNamespaces.Nfe] ?? throw new ArgumentException("infNFe without ide.", nameof(nfe));
        var id = infNFe.GetAttribute("Id");
        if (!AccessKey.TryParse(id.StartsWith("NFe", StringComparison.Ordinal) ? id[3..] : "", out var key, out var error))
        {
            throw new ArgumentException($"infNFe@Id holds no valid key: {error}", nameof(nfe));
        }

        if (tpEmis != 1 && xJust.Trim().Length is < 15 or > 256)
        {
            throw new ArgumentException("xJust must have 15 to 256 characters.", nameof(xJust));
        }

        var rekeyed = AccessKey.Build(key.Parts with { tpEmis = tpEmis });
        SetText(ide, "tpEmis", tpEmis.ToString(CultureInfo.InvariantCulture));
        SetText(ide, "cDV", rekeyed.cDV.ToString(CultureInfo.InvariantCulture));
        foreach (var name in new[] { "dhCont", "xJust" })
        {
            if (ide[name, NfeNamespaces.Nfe] is { } old)
            {
                ide.RemoveChild(old);
            }
        }

        if (tpEmis != 1)
        {
            var after = ide["verProc", NfeNamespaces.Nfe] ?? throw new ArgumentException("ide without verProc.", nameof(nfe));
            var cont = Element(ide, "dhCont", dhCont.ToOffset(Brasilia).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            ide.InsertAfter(cont, after);
            ide.InsertAfter(Element(ide, "xJust", xJust.Trim()), cont);
        }

        infNFe.SetAttribute("Id", "NFe" + rekeyed.Value);
        return rekeyed.Value;
    }

    private static void SetText(XmlElement ide, string name, string value) =>
        (ide[name, NfeNamespaces.Nfe] ?? throw new ArgumentException($"ide without {name}.", nameof(ide))).InnerText = value;

    private static XmlElement Element(XmlElement ide, string name, string text)
    {
        var element = ide.OwnerDocument.CreateElement(name, NfeNamespaces.Nfe);
        element.InnerText = text;
        return element;
    }
}
