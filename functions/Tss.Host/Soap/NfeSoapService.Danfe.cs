using Tss.Host.Documents;

namespace Tss.Host.Soap;

/// <summary>DownloadDanfe: the same PDF, scoping and codes as <c>GET …/nfe/{chNFe}/danfe</c>.</summary>
public sealed partial class NfeSoapService
{
    public Task<byte[]> DownloadDanfe(string cnpj, string chNFe, int paper) =>
        Services.GetRequiredService<DanfeDownloads>().GetAsync(TenantId(), cnpj ?? "", chNFe ?? "", paper == 0 ? null : paper, Aborted);
}
