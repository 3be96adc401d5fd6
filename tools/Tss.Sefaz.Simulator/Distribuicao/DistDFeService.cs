using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Tss.Protocol.Messages;
using Tss.Protocol.Parties;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>
/// NFeDistribuicaoDFe (distDFeInt 1.01 → retDistDFeInt 1.01) of the Ambiente Nacional: schema (215), environment (252),
/// the consulted CNPJ-base against the transmitter's (593), then <see cref="DistributionStore"/>'s rules. Documents go
/// out as docZip (Base64 of GZip) with NSU and schema. The answer sits in
/// nfeDistDFeInteresseResponse/nfeDistDFeInteresseResult, as SEFAZ writes it.
/// </summary>
public sealed class DistDFeService(SimulatorOptions options, DistributionStore store, TimeProvider time) : ISimulatorService
{
    public string PayloadRoot => "distDFeInt";

    public string WsdlService => "NFeDistribuicaoDFe";

    public string ResultBody(string retXml) =>
        $"<nfeDistDFeInteresseResponse xmlns=\"{NfeNamespaces.WsdlBase}{WsdlService}\"><nfeDistDFeInteresseResult>{retXml}</nfeDistDFeInteresseResult></nfeDistDFeInteresseResponse>";

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = request.Payload;
        if (!NfeSchemas.Shared.Validate(payload.OuterXml, "distDFeInt_v1.01.xsd").IsValid)
        {
            return Reject(payload, 215, Motivos.Text(215));
        }
        if (NfeXml.Int(payload, "tpAmb") != options.Environment)
        {
            return Reject(payload, 252, Motivos.Text(252));
        }
        var cnpj = NfeXml.Text(payload, "CNPJ") ?? NfeXml.Text(payload, "CPF")!.PadLeft(14, '0');
        if (Cnpj.Root(cnpj) != Cnpj.Root(request.TransmitterCnpj))
        {
            return Reject(payload, 593, Motivos.Text(593));
        }
        var query = Query(payload);
        store.Enter(cnpj);
        try
        {
            // Latency is spent while "in flight", so two overlapping requests of one CNPJ show in MaxConcurrentRequests.
            if (store.Settings.LatencyMs > 0)
            {
                Thread.Sleep(store.Settings.LatencyMs);
            }
            var answer = store.Answer(cnpj, query, time.GetUtcNow());
            return Write(answer);
        }
        finally
        {
            store.Exit(cnpj);
        }
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo) => Write(new DistAnswer(cStat, xMotivo, 0, 0, []));

    private static DistQuery Query(XmlElement payload)
    {
        if (NfeXml.Text(payload, "distNSU", "ultNSU") is { } ult)
        {
            return new DistQuery(DistQueryKind.DistNsu, long.Parse(ult, CultureInfo.InvariantCulture), null);
        }
        return NfeXml.Text(payload, "consNSU", "NSU") is { } nsu
            ? new DistQuery(DistQueryKind.ConsNsu, long.Parse(nsu, CultureInfo.InvariantCulture), null)
            : new DistQuery(DistQueryKind.ConsChNFe, 0, NfeXml.Text(payload, "consChNFe", "chNFe"));
    }

    private ServiceAnswer Write(DistAnswer answer)
    {
        using var w = new RetWriter("retDistDFeInt", "1.01");
        w.Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic).Element("cStat", answer.cStat)
            .Element("xMotivo", answer.xMotivo).Element("dhResp", time.GetUtcNow())
            .Element("ultNSU", Nsu(answer.UltNsu)).Element("maxNSU", Nsu(answer.MaxNsu));
        if (answer.Documents.Count > 0)
        {
            w.Start("loteDistDFeInt");
            foreach (var document in answer.Documents)
            {
                w.Start("docZip");
                w.Xml.WriteAttributeString("NSU", Nsu(document.Nsu));
                w.Xml.WriteAttributeString("schema", document.Schema);
                w.Xml.WriteString(Zip(document.Xml));
                w.End();
            }
            w.End();
        }
        return new ServiceAnswer(w.Finish(), [answer.cStat]);
    }

    /// <summary>NSU as SEFAZ writes it: 15 digits, zero-padded.</summary>
    public static string Nsu(long value) => value.ToString("D15", CultureInfo.InvariantCulture);

    private static string Zip(string xml)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(xml));
        }
        return Convert.ToBase64String(buffer.ToArray());
    }
}
