namespace Tss.Protocol.Reactions;

/// <summary>The NF-e 4.00 web services whose cStat the product reads (PROTOCOL.md §1), plus CadConsultaCadastro4,
/// which it only passes through. Names as in the cStat catalogue (Reference/cstat.json).</summary>
public enum SefazService
{
    /// <summary>NFeAutorizacao4 (retEnviNFe, and its protNFe when synchronous).</summary>
    Autorizacao,

    /// <summary>NFeRetAutorizacao4 (retConsReciNFe and its protNFe).</summary>
    RetAutorizacao,

    /// <summary>NFeConsultaProtocolo4 (retConsSitNFe and its protNFe).</summary>
    ConsultaProtocolo,

    /// <summary>NFeRecepcaoEvento4 (retEnvEvento and each retEvento).</summary>
    RecepcaoEvento,

    /// <summary>NFeInutilizacao4 (retInutNFe).</summary>
    Inutilizacao,

    /// <summary>NFeDistribuicaoDFe at the Ambiente Nacional (retDistDFeInt).</summary>
    DistribuicaoDFe,

    /// <summary>NFeStatusServico4 (retConsStatServ).</summary>
    StatusServico,

    /// <summary>The EPEC (event 110140) at the Ambiente Nacional's NFeRecepcaoEvento4: each EPEC's retEvento (the lot
    /// level, retEnvEvento, reads as <see cref="RecepcaoEvento"/>).</summary>
    Epec,

    /// <summary>CadConsultaCadastro4 (retConsCad): answered to the caller as it comes; no reaction table.</summary>
    ConsultaCadastro,
}
