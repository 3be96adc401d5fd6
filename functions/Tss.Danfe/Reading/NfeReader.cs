using System.Xml;
using Tss.Danfe.Model;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Reactions;
using Tss.Protocol.Xml;
using static Tss.Danfe.Reading.Xml;

namespace Tss.Danfe.Reading;

/// <summary>
/// Reads what the DANFE prints from a procNFe (nfeProc = NFe + protNFe). Printing depends on the authorization protocol,
/// not on the signature: files re-indented after signing still print. Every refusal is a <see cref="DanfeException"/>.
/// </summary>
internal static partial class NfeReader
{
    /// <summary>Cap on the input: a 990-item NF-e with its protocol stays well below it.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static NfeData Read(ReadOnlySpan<byte> procNFe, DanfeEpec? epec = null) => Read(Load(procNFe), epec);

    /// <summary>
    /// Reads a signed NFC-e issued off-line (tpEmis 9) that has no authorization yet: root NFe (or an nfeProc without
    /// protNFe), model 65, tpEmis 9; the data carries no protocol. Anything else is refused as not authorized.
    /// </summary>
    public static NfeData ReadPendingOffline(ReadOnlySpan<byte> signedNfe) => Read(Load(signedNfe), pendingOffline: true);

    private static XmlDocument Load(ReadOnlySpan<byte> procNFe)
    {
        XmlDocument document;
        try
        {
            document = SafeXml.Load(procNFe, MaxBytes);
        }
        catch (XmlInputException ex)
        {
            throw new DanfeException(DanfeErrorCodes.MalformedXml, $"The input is not acceptable XML ({ex.Code}): {ex.Message}", ex);
        }

        return document;
    }

    public static NfeData Read(XmlDocument document, DanfeEpec? epec = null, bool pendingOffline = false)
    {
        var root = document.DocumentElement!;
        var (nfe, prot) = root.LocalName switch
        {
            "nfeProc" => (Child(root, "NFe"), Child(root, "protNFe")),
            "NFe" => (root, null),
            _ => (null, null),
        };
        var infNFe = Child(nfe, "infNFe")
            ?? throw new DanfeException(DanfeErrorCodes.NotProcNFe, $"The root element is {root.LocalName}; a DANFE is printed from an nfeProc.");
        var id = infNFe.GetAttribute("Id");
        var key = id.StartsWith("NFe", StringComparison.Ordinal) ? id[3..] : id;
        if (!AccessKey.TryParse(key, out _, out var keyError))
        {
            throw Invalid($"infNFe@Id does not carry a valid access key: {keyError}");
        }

        var ide = ReadIde(Child(infNFe, "ide") ?? throw Invalid("ide is missing."));
        if (ide.mod is not (55 or 65))
        {
            throw new DanfeException(DanfeErrorCodes.UnsupportedModel, $"Model {ide.mod} has no DANFE here (55 and 65 only).");
        }

        Authorization? protocol;
        if (pendingOffline)
        {
            if (ide.mod != 65 || ide.tpEmis != 9 || key[34] != '9' || prot is not null)
            {
                throw new DanfeException(DanfeErrorCodes.NotAuthorized,
                    "Only an NFC-e issued off-line (model 65, tpEmis 9) without its protocol is printed before its authorization.");
            }

            protocol = null;
        }
        else if (prot is null && epec is not null && key[34] == '4')
        {
            // An EPEC NF-e (tpEmis 4, digit 35 of the key) is printed before its authorization with the EPEC's registration.
            protocol = new Authorization(epec.nProt ?? "EPEC", epec.dhRegEvento, EpecRegisteredCStat);
        }
        else
        {
            protocol = ReadProtocol(prot, key);
        }

        var total = Child(infNFe, "total");
        var infAdic = Child(infNFe, "infAdic");
        var supl = Child(nfe, "infNFeSupl");
        var items = Children(infNFe, "det").Select(ReadItem).ToList();
        if (items.Count == 0)
        {
            throw Invalid("The NF-e has no det (items).");
        }

        var pag = Child(infNFe, "pag");
        return new NfeData(
            key, ide,
            ReadParty(Child(infNFe, "emit") ?? throw Invalid("emit is missing."), "enderEmit"),
            Child(infNFe, "dest") is { } dest ? ReadParty(dest, "enderDest") : null,
            items,
            ReadTotals(Child(total, "ICMSTot") ?? throw Invalid("total/ICMSTot is missing.")),
            ReadIbsCbs(total),
            Child(total, "ISSQNtot") is { } iss ? new IssqnTotals(Decimal(iss, "vServ"), Decimal(iss, "vBC"), Decimal(iss, "vISS")) : null,
            ReadTransport(Child(infNFe, "transp")),
            ReadInvoice(Child(infNFe, "cobr")),
            Children(pag, "detPag").Select(p => new Payment(Text(p, "tPag") ?? "99", Text(p, "xPag"), Decimal(p, "vPag"))).ToList(),
            Decimal(pag, "vTroco"),
            Text(infAdic, "infCpl"), Text(infAdic, "infAdFisco"), protocol,
            Text(supl, "qrCode"), Text(supl, "urlChave"));
    }

    /// <summary>cStat the AN answers a registered EPEC with; marks a DANFE printed on the EPEC's protocol.</summary>
    internal const int EpecRegisteredCStat = 136;

    private static Authorization ReadProtocol(XmlElement? prot, string key)
    {
        var inf = Child(prot, "infProt")
            ?? throw new DanfeException(DanfeErrorCodes.NotAuthorized, "The XML has no authorization protocol (protNFe); a DANFE is printed only for an authorized NF-e.");
        var cStat = Int(inf, "cStat", 0);
        if (CStatTables.Protocol.React(cStat) != CStatReaction.Authorize)
        {
            throw new DanfeException(DanfeErrorCodes.NotAuthorized, $"The protocol does not authorize the NF-e (cStat {cStat}: {Text(inf, "xMotivo")}).");
        }

        if (Text(inf, "chNFe") != key)
        {
            throw new DanfeException(DanfeErrorCodes.KeyMismatch, "The protocol answers another access key than the NF-e's.");
        }

        var nProt = Text(inf, "nProt") ?? throw new DanfeException(DanfeErrorCodes.NotAuthorized, "The protocol has no nProt.");
        var dhRecbto = Instant(inf, "dhRecbto") ?? throw new DanfeException(DanfeErrorCodes.NotAuthorized, "The protocol has no dhRecbto.");
        return new Authorization(nProt, dhRecbto, cStat);
    }

    private static Ide ReadIde(XmlElement ide)
    {
        var dhEmi = Instant(ide, "dhEmi")
            ?? (Date(ide, "dEmi") is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-3)) : throw Invalid("ide/dhEmi is missing."));
        var nNF = Text(ide, "nNF") is { } n && long.TryParse(n, out var number) ? number : throw Invalid("ide/nNF is missing or not a number.");
        return new Ide(
            Int(ide, "mod", 0), Int(ide, "serie", 0), nNF, Text(ide, "natOp") ?? string.Empty, dhEmi, Instant(ide, "dhSaiEnt"),
            Int(ide, "tpNF", 1), Int(ide, "tpImp", 1), Int(ide, "tpEmis", 1), Int(ide, "tpAmb", 1), Instant(ide, "dhCont"), Text(ide, "xJust"));
    }

    private static Party ReadParty(XmlElement party, string addressName)
    {
        var address = Child(party, addressName);
        return new Party(
            Text(party, "xNome") ?? string.Empty, Text(party, "xFant"),
            Text(party, "CNPJ") ?? Text(party, "CPF") ?? Text(party, "idEstrangeiro"),
            Text(party, "IE"), Text(party, "IEST"), Text(party, "IM"),
            address is null
                ? Address.Empty
                : new Address(Text(address, "xLgr"), Text(address, "nro"), Text(address, "xCpl"), Text(address, "xBairro"), Text(address, "xMun"),
                    Text(address, "UF"), Text(address, "CEP"), Text(address, "fone")),
            Text(party, "email"));
    }
}
