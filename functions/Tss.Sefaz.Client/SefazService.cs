namespace Tss.Sefaz.Client;

/// <summary>The NF-e 4.00 web services, named as in the WSDL.</summary>
public enum SefazService
{
    NFeAutorizacao4,
    NFeRetAutorizacao4,
    NFeStatusServico4,
    NFeConsultaProtocolo4,
    NFeInutilizacao4,
    NFeRecepcaoEvento4,
    CadConsultaCadastro4,
    NFeDistribuicaoDFe,
}
