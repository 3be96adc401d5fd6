using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Documents;

/// <summary>The distribution XML: nfeProc versao 4.00 = the signed NFe as sent + SEFAZ's protNFe as received.</summary>
public static class ProcNFe
{
    public static string Build(string signedNfe, string protNFeXml) =>
        $"<nfeProc xmlns=\"{NfeNamespaces.Nfe}\" versao=\"4.00\">{signedNfe}{protNFeXml}</nfeProc>";

    /// <summary>Blob name of a document's procNFe.</summary>
    public static string BlobName(string partition, AccessKey key) => $"{partition.Replace('|', '/')}/{key.Value}-procNFe.xml";
}
