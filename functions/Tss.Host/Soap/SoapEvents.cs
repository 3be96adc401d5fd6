namespace Tss.Host.Soap;

/// <summary>An event of an NF-e (cancelamento 110111 or CC-e 110110) as the ERP sees it.</summary>
public sealed class SoapEvent
{
    public string chNFe { get; set; } = "";
    public string tpEvento { get; set; } = "";
    public int nSeqEvento { get; set; }
    /// <summary>Pending, Sending, Registered or Rejected.</summary>
    public string Status { get; set; } = "";
    public int? cStat { get; set; }
    public string? xMotivo { get; set; }
    public string? nProt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime? dhRegEvento { get; set; }
    public bool HasProcEventoNFe { get; set; }
}

/// <summary>An inutilização record.</summary>
public sealed class SoapInutilizacao
{
    public string Id { get; set; } = "";
    /// <summary>Voided, Rejected, Unknown, NotSent or Sending.</summary>
    public string Status { get; set; } = "";
    public int serie { get; set; }
    public int nNFIni { get; set; }
    public int nNFFin { get; set; }
    public int? cStat { get; set; }
    public string? xMotivo { get; set; }
    public string? nProt { get; set; }
    public DateTime? dhRecbto { get; set; }
    /// <summary>The ProcInutNFe when voided (null otherwise).</summary>
    public string? ProcInutNFe { get; set; }
}

/// <summary>NFeConsultaProtocolo4 answer.</summary>
public sealed class SoapProtocolConsultation
{
    public string chNFe { get; set; } = "";
    public int cStat { get; set; }
    public string xMotivo { get; set; } = "";
    public string? nProt { get; set; }
    public SoapEvent[] Events { get; set; } = [];
}

/// <summary>NFeStatusServico4 answer (from the shared 3-minute cache).</summary>
public sealed class SoapServiceStatus
{
    public string Uf { get; set; } = "";
    public int? cStat { get; set; }
    public string? xMotivo { get; set; }
    public int? tMed { get; set; }
    public bool FromCache { get; set; }
    /// <summary>UTC.</summary>
    public DateTime NextAskAt { get; set; }
}

/// <summary>CadConsultaCadastro4 answer: status and the records found.</summary>
public sealed class SoapCadastro
{
    public int cStat { get; set; }
    public string xMotivo { get; set; } = "";
    public SoapCadastroRecord[] Records { get; set; } = [];
}

/// <summary>One taxpayer record.</summary>
public sealed class SoapCadastroRecord
{
    public string IE { get; set; } = "";
    public string? CNPJ { get; set; }
    public string? CPF { get; set; }
    public string UF { get; set; } = "";
    public int cSit { get; set; }
    public string xNome { get; set; } = "";
}
