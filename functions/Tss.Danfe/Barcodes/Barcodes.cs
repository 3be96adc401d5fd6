using ZXing;
using ZXing.Common;
using ZXing.OneD;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

namespace Tss.Danfe.Barcodes;

/// <summary>Barcode modules from ZXing.Net, drawn as vector bars by the layouts (sharp at any zoom, a few bytes).</summary>
internal static class Barcodes
{
    /// <summary>
    /// Code 128 modules of the access key. ZXing switches to code set C for a run of digits, so 44 digits are
    /// start C + 22 pairs + check + stop, as the MOC asks (Code-128C).
    /// </summary>
    public static bool[] Code128(string digits) => new Code128Writer().encode(digits);

    /// <summary>QR code modules without quiet zone, error correction M (what SEFAZ's specification suggests).</summary>
    public static BitMatrix QrCode(string text)
    {
        var hints = new Dictionary<EncodeHintType, object>
        {
            [EncodeHintType.ERROR_CORRECTION] = ErrorCorrectionLevel.M,
            [EncodeHintType.MARGIN] = 0,
            [EncodeHintType.CHARACTER_SET] = "UTF-8",
        };
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 1, 1, hints);
    }
}
