namespace Tss.Protocol.Messages;

/// <summary>protNFe/infProt: the per-document answer (100 authorized, 110/301/302 denied, or a rejection).</summary>
/// <param name="nProt">Authorization protocol: 15 digits, or 17 since PL_010; absent on rejections.</param>
/// <param name="digVal">DigestValue SEFAZ computed over the received NF-e; compare with ours before building nfeProc.</param>
/// <param name="cStat">3 digits (4 allowed since PL_010).</param>
/// <param name="Xml">The whole protNFe element as received, with the namespace declarations it inherited added to its
/// start tag, ready to be embedded into nfeProc.</param>
/// <param name="cMsg">UF-specific message code, when the authorizer sends one.</param>
/// <param name="xMsg">UF-specific message text, when the authorizer sends one.</param>
public sealed record ProtNFe(
    int tpAmb,
    string verAplic,
    string chNFe,
    DateTimeOffset dhRecbto,
    string? nProt,
    string? digVal,
    int cStat,
    string xMotivo,
    string Xml,
    string? cMsg = null,
    string? xMsg = null);
