using System.Text;
using Tss.Contracts.Refusals;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Events;

/// <summary>The stable API code of a SEFAZ transport failure: "sefaz." + the snake-case name of <see cref="SefazErrorCode"/>.</summary>
public static class SefazCodes
{
    public static string Of(SefazErrorCode code)
    {
        var name = code.ToString();
        var text = new StringBuilder(PipelineErrorCodes.Events.SefazPrefix);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    /// <summary>A request refused because SEFAZ gave no usable answer.</summary>
    public static RequestRefusedException Unavailable(SefazException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var status = e.Code switch
        {
            SefazErrorCode.Timeout => 504,
            SefazErrorCode.NoEndpoint => 422,
            _ => 502,
        };
        return new RequestRefusedException(RefusalKind.SefazUnavailable, status, Of(e.Code), e.Code switch
        {
            SefazErrorCode.NoEndpoint => "O autorizador desta UF não oferece este serviço.",
            SefazErrorCode.Timeout => "A SEFAZ não respondeu a tempo; tente novamente.",
            _ => "A SEFAZ não pôde ser consultada agora; tente novamente em instantes.",
        }, e);
    }
}
