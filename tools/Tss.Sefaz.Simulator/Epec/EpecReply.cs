using Tss.Protocol.Messages;
using Tss.Protocol.Reference;
using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Epec;

/// <summary>The retEvento of one EPEC and the retEnvEvento around them, as the Ambiente Nacional writes them.</summary>
internal static class EpecReply
{
    public static string RetEvento(SimulatorOptions options, string chNFe, int cStat, string? nProt, DateTimeOffset now)
    {
        using var w = new RetWriter("retEvento", "1.00");
        w.Start("infEvento");
        if (nProt is not null)
        {
            w.Xml.WriteAttributeString("Id", "ID" + nProt);
        }
        w.Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic).Element("cOrgao", UfCodes.AmbienteNacional)
            .Element("cStat", cStat).Element("xMotivo", Motivos.Text(cStat)).Element("chNFe", chNFe);
        if (nProt is not null)
        {
            w.Element("tpEvento", NfeRequests.TpEventoEpec).Element("xEvento", "EPEC registrado").Element("nSeqEvento", 1);
        }
        // cOrgaoAutor is required in the EPEC's retEvento: the UF of the key (the simulator's UF when the key is unreadable).
        var keyUf = int.TryParse(chNFe.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c)
            && UfCodes.IsUf(c) ? c : options.DefaultcUF;
        w.Element("cOrgaoAutor", keyUf);
        w.Element("dhRegEvento", now);
        if (nProt is not null)
        {
            w.Element("nProt", nProt);
        }
        w.End();
        return w.Finish();
    }
}
