using PdfSharp.Pdf;
using Tss.Danfe.Fonts;
using Tss.Danfe.Layout.Nfce;
using Tss.Danfe.Layout.Nfe;
using Tss.Danfe.Model;
using Tss.Danfe.Reading;

namespace Tss.Danfe;

/// <summary>
/// Renders the DANFE of an authorized NF-e (model 55, A4) or NFC-e (model 65, receipt roll) from its procNFe, or of an
/// NFC-e issued off-line still pending authorization from its signed NFe. Pure and
/// thread-safe: XML bytes in, PDF bytes out, or a <see cref="DanfeException"/> with a code and nothing drawn.
/// </summary>
public static class DanfeRenderer
{
    /// <summary>Changes whenever the drawing changes, so cached PDFs of an older layout are not served.</summary>
    public const string LayoutVersion = "1";

    /// <summary>The procNFe's access key when it can be read, without rendering (for cache keys and file names).</summary>
    public static string ReadKey(ReadOnlySpan<byte> procNFe) => NfeReader.Read(procNFe, null).Key;

    /// <summary>Renders the DANFE.</summary>
    /// <exception cref="DanfeException">The XML is malformed, not an nfeProc, not authorized, or lacks a printed field.</exception>
    public static byte[] Render(ReadOnlySpan<byte> procNFe, DanfeRenderOptions? options = null)
    {
        options ??= DanfeRenderOptions.Default;
        return Render(NfeReader.Read(procNFe, options.Epec), options);
    }

    /// <summary>
    /// Renders the DANFE NFC-e of an NFC-e issued off-line (tpEmis 9) before its authorization, from the signed NFe: the
    /// contingency legends ("EMITIDA EM CONTINGÊNCIA", "Pendente de autorização"), its off-line QR code, no protocol.
    /// </summary>
    /// <exception cref="DanfeException">Not an off-line NFC-e without protocol (<see cref="DanfeErrorCodes.NotAuthorized"/>), or unreadable.</exception>
    public static byte[] RenderPendingOffline(ReadOnlySpan<byte> signedNfe, DanfeRenderOptions? options = null) =>
        Render(NfeReader.ReadPendingOffline(signedNfe), options ?? DanfeRenderOptions.Default);

    private static byte[] Render(NfeData data, DanfeRenderOptions options)
    {
        DanfeFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = (data.Ide.mod == 65 ? "DANFE NFC-e " : "DANFE ") + data.Key;
        document.Info.Creator = "TSS Functions";
        document.Info.Subject = data.Key;
        document.Options.CompressContentStreams = true;
        if (data.Ide.mod == 65)
        {
            NfceLayout.Render(data, options, document);
        }
        else
        {
            NfeLayout.Render(data, options, document);
        }

        using var output = new MemoryStream(64 * 1024);
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
