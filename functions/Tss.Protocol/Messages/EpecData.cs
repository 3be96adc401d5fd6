using System.Globalization;
using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Messages;

/// <summary>
/// What an EPEC (event 110140, Evento Prévio de Emissão em Contingência) declares about its NF-e: the fields of
/// detEvento (leiauteEPEC_v1.00.xsd) plus the key, environment and author. The normal authorizer later compares the NF-e
/// with these values (SEFAZ 467 when they differ), so they are always read from the signed NF-e itself.
/// </summary>
/// <param name="ChNFe">The NF-e's access key (tpEmis 4 at position 35).</param>
/// <param name="TpAmb">1 produção, 2 homologação.</param>
/// <param name="Author">The emitter's CNPJ (14) or CPF (11 digits).</param>
/// <param name="COrgaoAutor">The emitter's UF (ide/cUF).</param>
/// <param name="DhEmi">ide/dhEmi as written in the NF-e.</param>
/// <param name="TpNF">0 entrada, 1 saída.</param>
/// <param name="IE">The emitter's IE (digits).</param>
/// <param name="DestUf">The recipient's UF ("EX" abroad).</param>
/// <param name="DestDocumentElement">"CNPJ", "CPF" or "idEstrangeiro".</param>
/// <param name="DestDocument">The recipient's document.</param>
/// <param name="DestIE">The recipient's IE when it is digits (ISENTO and empty are left out).</param>
/// <param name="VNF">total/ICMSTot/vNF as written.</param>
/// <param name="VICMS">total/ICMSTot/vICMS as written.</param>
/// <param name="VST">total/ICMSTot/vST as written.</param>
public sealed record EpecData(string ChNFe, int TpAmb, string Author, int COrgaoAutor, string DhEmi, int TpNF, string IE,
    string DestUf, string DestDocumentElement, string DestDocument, string? DestIE, string VNF, string VICMS, string VST)
{
    /// <summary>tpEmis of an NF-e announced by an EPEC.</summary>
    public const int TpEmisEpec = 4;

    /// <summary>Reads the EPEC fields from an NF-e (signed or not; the NFe element or an nfeProc around it).</summary>
    /// <exception cref="MessageInputException">The NF-e is not tpEmis 4 or lacks a field the EPEC needs.</exception>
    public static EpecData FromNfe(string nfeXml)
    {
        var document = SafeXml.Load(nfeXml);
        var root = document.DocumentElement!;
        var nfe = root.LocalName == "NFe" ? root : NfeElements.Child(root, "NFe");
        var inf = NfeElements.Child(nfe, "infNFe") ?? throw Missing("infNFe");
        var ide = NfeElements.Child(inf, "ide") ?? throw Missing("ide");
        var emit = NfeElements.Child(inf, "emit") ?? throw Missing("emit");
        var dest = NfeElements.Child(inf, "dest") ?? throw Missing("dest (an EPEC declares the recipient)");
        var totals = NfeElements.Child(NfeElements.Child(inf, "total"), "ICMSTot") ?? throw Missing("total/ICMSTot");

        var id = inf.GetAttribute("Id");
        if (!id.StartsWith("NFe", StringComparison.Ordinal) || !AccessKey.TryParse(id[3..], out var key, out _))
        {
            throw Missing("infNFe/@Id with a valid access key");
        }
        if (Text(ide, "tpEmis") != "4")
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.EpecSource,
                "An EPEC announces only an NF-e with tpEmis 4.", "tpEmis");
        }

        var (destElement, destDocument) = Text(dest, "CNPJ") is { } cnpj ? ("CNPJ", cnpj)
            : Text(dest, "CPF") is { } cpf ? ("CPF", cpf)
            : Text(dest, "idEstrangeiro") is { } foreign ? ("idEstrangeiro", foreign)
            : throw Missing("dest/CNPJ, dest/CPF or dest/idEstrangeiro");
        var destUf = Text(NfeElements.Child(dest, "enderDest"), "UF") ?? (destElement == "idEstrangeiro" ? "EX" : throw Missing("dest/enderDest/UF"));
        var destIe = Text(dest, "IE") is { } ie && ie.All(char.IsAsciiDigit) ? ie : null;

        return new EpecData(
            key.Value,
            Int(ide, "tpAmb"),
            Text(emit, "CNPJ") ?? Text(emit, "CPF") ?? throw Missing("emit/CNPJ or emit/CPF"),
            Int(ide, "cUF"),
            Text(ide, "dhEmi") ?? throw Missing("ide/dhEmi"),
            Int(ide, "tpNF"),
            Text(emit, "IE") ?? throw Missing("emit/IE"),
            destUf,
            destElement,
            destDocument,
            destIe,
            Text(totals, "vNF") ?? throw Missing("ICMSTot/vNF"),
            Text(totals, "vICMS") ?? throw Missing("ICMSTot/vICMS"),
            Text(totals, "vST") ?? throw Missing("ICMSTot/vST"));
    }

    private static string? Text(XmlElement? parent, string name) =>
        NfeElements.Child(parent, name)?.InnerText is { Length: > 0 } text ? text : null;

    private static int Int(XmlElement parent, string name) =>
        int.TryParse(Text(parent, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Missing(name);

    private static MessageInputException Missing(string what) =>
        new(ProtocolErrorCodes.Message.EpecSource, $"The NF-e has no {what}; an EPEC cannot be built from it.", "nfe");
}
