using System.Text;
using Tss.DevTools.Samples;

namespace Tss.Danfe.Tests;

/// <summary>Authorized procNFe in the shapes the tests need (fixed cNF and date: reproducible keys).</summary>
internal static class Samples
{
    public const string EmitCnpj = "11222333000181";
    public static readonly DateTimeOffset Emitted = new(2026, 3, 14, 10, 30, 0, TimeSpan.FromHours(-3));

    public static SampleProcNFeOptions Nfe(int items = 12, int mod = 55, int tpAmb = 2, int tpEmis = 1) => new()
    {
        Nfe = new SampleNfeOptions { EmitCnpj = EmitCnpj, nNF = 4321, mod = mod, Items = items, tpAmb = tpAmb, tpEmis = tpEmis, dhEmi = Emitted, cNF = 24681357 },
    };

    public static byte[] Bytes(SampleProcNFeOptions options) => Encoding.UTF8.GetBytes(SampleProcNFe.Create(options));

    public static byte[] Render(SampleProcNFeOptions options, DanfeRenderOptions? render = null) => DanfeRenderer.Render(Bytes(options), render);
}
