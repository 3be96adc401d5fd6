using System.Collections.Frozen;

namespace Tss.Protocol.Schemas.Internal;

/// <summary>Which schema file of the package validates a given root element (and, for events, tpEvento).</summary>
internal static class SchemaRouting
{
    private static readonly FrozenDictionary<string, string> ByRoot = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NFe"] = "nfe_v4.00.xsd",
        ["enviNFe"] = "enviNFe_v4.00.xsd",
        ["nfeProc"] = "procNFe_v4.00.xsd",
        ["consReciNFe"] = "consReciNFe_v4.00.xsd",
        ["consStatServ"] = "consStatServ_v4.00.xsd",
        ["consSitNFe"] = "consSitNFe_v4.00.xsd",
        ["inutNFe"] = "inutNFe_v4.00.xsd",
        ["ProcInutNFe"] = "procInutNFe_v4.00.xsd",
        ["ConsCad"] = "consCad_v2.00.xsd",
        ["distDFeInt"] = "distDFeInt_v1.01.xsd",
        ["retEnviNFe"] = "retEnviNFe_v4.00.xsd",
        ["retConsReciNFe"] = "retConsReciNFe_v4.00.xsd",
        ["retConsStatServ"] = "retConsStatServ_v4.00.xsd",
        ["retConsSitNFe"] = "retConsSitNFe_v4.00.xsd",
        ["retInutNFe"] = "retInutNFe_v4.00.xsd",
        ["retConsCad"] = "retConsCad_v2.00.xsd",
        ["retDistDFeInt"] = "retDistDFeInt_v1.01.xsd",
        ["resNFe"] = "resNFe_v1.01.xsd",
        ["resEvento"] = "resEvento_v1.01.xsd",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Event schema files per tpEvento: (envEvento, procEventoNFe, retEnvEvento, evento).</summary>
    private static readonly FrozenDictionary<string, EventSchemas> ByTpEvento = new Dictionary<string, EventSchemas>(StringComparer.Ordinal)
    {
        ["110110"] = new("envCCe_v1.00.xsd", "procCCeNFe_v1.00.xsd", "retEnvCCe_v1.00.xsd", "CCe_v1.00.xsd"),
        ["110111"] = new("envEventoCancNFe_v1.00.xsd", "procEventoCancNFe_v1.00.xsd", "retEnvEventoCancNFe_v1.00.xsd", "eventoCancNFe_v1.00.xsd"),
        ["110112"] = new("envEventoCancSubst_v1.00.xsd", "procEventoCancSubst_v1.00.xsd", "retEnvEventoCancSubst_v1.00.xsd", "eventoCancSubst_v1.00.xsd"),
        ["110130"] = new("envEventoEntregaNFe_v1.00.xsd", "procEventoEntregaNFe_v1.00.xsd", "retEventoEntregaNFe_v1.00.xsd", "eventoEntregaNFe_v1.00.xsd"),
        ["110131"] = new("envEventoCancEntregaNFe_v1.00.xsd", "procEventoCancEntregaNFe_v1.00.xsd", "retEventoCancEntregaNFe_v1.00.xsd", "eventoCancEntregaNFe_v1.00.xsd"),
        ["110140"] = new("envEPEC_v1.00.xsd", "procEPEC_v1.00.xsd", "retEnvEPEC_v1.00.xsd", "EPEC_v1.00.xsd"),
        ["110150"] = new("envEventoAtorInteressado_v1.00.xsd", "procEventoAtorInteressado_v1.00.xsd", "retEnvEventoAtorInteressado_v1.00.xsd", "eventoAtorInteressado_v1.00.xsd"),
        ["110192"] = new("envEventoInsucessoNFe_v1.00.xsd", "procEventoInsucessoNFe_v1.00.xsd", "retEventoInsucessoNFe_v1.00.xsd", "EventoInsucessoNFe_v1.00.xsd"),
        ["110193"] = new("envEventoCancInsucessoNFe_v1.00.xsd", "procEventoCancInsucessoNFe_v1.00.xsd", "retEventoCancInsucessoNFe_v1.00.xsd", "EventoCancInsucessoNFe_v1.00.xsd"),
        ["110750"] = new("envEventoEConf_v1.00.xsd", "procEventoEConf_v1.00.xsd", "retEventoEConf_v1.00.xsd", "EventoEConf_v1.00.xsd"),
        ["110751"] = new("envEventoCancEConf_v1.00.xsd", "procEventoCancEConf_v1.00.xsd", "retEventoCancEConf_v1.00.xsd", "EventoCancEConf_v1.00.xsd"),
        ["210200"] = ConfRecebto,
        ["210210"] = ConfRecebto,
        ["210220"] = ConfRecebto,
        ["210240"] = ConfRecebto,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static EventSchemas ConfRecebto => new("envConfRecebto_v1.00.xsd", "procConfRecebtoNFe_v1.00.xsd", "retEnvConfRecebto_v1.00.xsd", "confRecebto_v1.00.xsd");

    /// <summary>The generic event schemas, whose detEvento accepts any event.</summary>
    private static readonly EventSchemas Generic = new("envEvento_v1.00.xsd", "procEventoNFe_v1.00.xsd", "retEnvEvento_v1.00.xsd", null);

    /// <summary>Roots whose schema depends on tpEvento.</summary>
    public static bool IsEventRoot(string root) => root is "envEvento" or "procEventoNFe" or "retEnvEvento" or "evento";

    /// <summary>All schema files the routing can return (for warm-up and tests).</summary>
    public static IEnumerable<string> AllRoutedFiles() =>
        ByRoot.Values
            .Concat(ByTpEvento.Values.Append(Generic).SelectMany(e => new[] { e.Env, e.Proc, e.Ret, e.Evento }))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    /// <summary>The schema file for a root element, or null when none applies.</summary>
    public static string? For(string root, string? tpEvento)
    {
        if (!IsEventRoot(root))
        {
            return ByRoot.GetValueOrDefault(root);
        }

        var schemas = tpEvento is not null && ByTpEvento.TryGetValue(tpEvento, out var specific) ? specific : Generic;
        return root switch
        {
            "envEvento" => schemas.Env,
            "procEventoNFe" => schemas.Proc,
            "retEnvEvento" => schemas.Ret,
            _ => schemas.Evento,
        };
    }

    private sealed record EventSchemas(string Env, string Proc, string Ret, string? Evento);
}
