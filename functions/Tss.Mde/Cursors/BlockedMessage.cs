using System.Globalization;

namespace Tss.Mde.Cursors;

/// <summary>The TSS message for a refusal that protects the CNPJ (Brasília time, UTC−3).</summary>
public static class BlockedMessage
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    /// <summary>"003 - Serviço temporariamente bloqueado para evitar o Uso Indevido e bloqueio de CNPJ. Por favor voltar a tentar após as HH:MM:SS de DD/MM/AAAA".</summary>
    public static string For(DateTimeOffset until)
    {
        // Rounded up to the second: "after 10:00:00" must not be earlier than the real end of the block.
        var ceiling = new DateTimeOffset((until.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var local = ceiling.ToOffset(Brasilia);
        return "003 - Serviço temporariamente bloqueado para evitar o Uso Indevido e bloqueio de CNPJ. Por favor voltar a tentar após as "
            + local.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " de " + local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>The refusal as an exception carrying the instant.</summary>
    public static MdeException Exception(DateTimeOffset until) => new(MdeErrorCodes.Blocked, For(until), until);
}
